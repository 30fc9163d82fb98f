import type { ProblemLog } from './problems.ts';

export interface Header {
  /** Column name → index of its cell in each record, for the columns this kind knows. */
  readonly columns: ReadonlyMap<string, number>;
  readonly names: readonly string[];
  /** False when a column is missing, unknown, unnamed or repeated: rows are still checked but none is written. */
  readonly complete: boolean;
}

const HEADER_ROW = 1;

/**
 * Matches the header against the kind's columns. Names are trimmed (a stray space after a comma is common and
 * harmless) but otherwise exact; an unknown column is refused rather than ignored, since it is usually a typo
 * for an optional column whose values would otherwise be silently dropped.
 */
export function readHeader(
  fields: readonly string[],
  spec: { kind: string; required: readonly string[]; optional: readonly string[] },
  log: ProblemLog,
  undecodable: () => string,
): Header {
  const known = new Set<string>([...spec.required, ...spec.optional]);
  const columns = new Map<string, number>();
  const names = fields.map((field) => field.trim());
  const problemsBefore = log.total;
  names.forEach((name, index) => {
    if (name === '') log.add(HEADER_ROW, null, fields[index] ?? '', `column ${index + 1} of the header has no name`);
    // A header in another encoding (UTF-16, GBK column names) is one problem with a fix, not a list of unknown columns.
    else if (name.includes('\uFFFD')) log.add(HEADER_ROW, null, fields[index] ?? '', `column ${index + 1} of the header ${undecodable()}`);
    else if (columns.has(name)) log.add(HEADER_ROW, name, name, 'appears twice in the header');
    else if (known.has(name)) columns.set(name, index);
    else log.add(HEADER_ROW, name, name, whyUnknown(name, spec.kind, known));
  });
  for (const name of spec.required) {
    if (!columns.has(name)) log.add(HEADER_ROW, name, null, `is a required column of ${spec.kind} but is missing from the header`);
  }
  return { columns, names, complete: log.total === problemsBefore };
}

function whyUnknown(name: string, kind: string, known: ReadonlySet<string>): string {
  const lower = name.toLowerCase();
  if (known.has(lower)) return `is not a column of ${kind}; column names are lower case (${lower})`;
  return `is not a column of ${kind} (its columns are ${[...known].join(', ')})`;
}

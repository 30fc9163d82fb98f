import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ImportProblem } from '../../../preload/contract/jobs.ts';
import type { ImportEncoding } from '../../../preload/contract/vocabulary.ts';
import { showHiddenCharacters } from './unsafe-characters.ts';

/** One rejected (or, as a warning, unusual) value, located as a spreadsheet shows it: the header is row 1, the first record row 2. */
export type { ImportProblem };

/** Values imported but unusual, counted, and the first of them kept like problems. */
export interface ImportWarnings {
  readonly total: number;
  readonly first: ImportProblem[];
}

/** Enough to fix a file in one pass without an error payload the size of the file. */
const MAX_REPORTED_PROBLEMS = 100;
const PROBLEMS_IN_MESSAGE = 5;
/** Enough to recognise a value; a problem must not become a way to read a file that is not a CSV (/etc/passwd). */
const MAX_ECHOED_CHARACTERS = 40;

/**
 * A value or column name as a problem may echo it: its first 40 characters (code points, so none is split) and
 * "…", with hidden characters shown as <U+XXXX>. Clipped first, so showing them cannot lengthen what is echoed
 * beyond 40 characters of the file.
 */
export function echoed(text: string): string {
  // 41 characters take at most 82 UTF-16 units: enough to tell whether to clip, without spreading a huge cell whole.
  const head = [...text.slice(0, 2 * (MAX_ECHOED_CHARACTERS + 1))];
  const clipped = head.length > MAX_ECHOED_CHARACTERS ? `${head.slice(0, MAX_ECHOED_CHARACTERS).join('')}…` : text;
  return showHiddenCharacters(clipped);
}

/** Keeps the first problems and counts them all, so a file that is wrong throughout costs constant memory. */
export class ProblemLog {
  readonly file: string;
  readonly problems: ImportProblem[] = [];
  total = 0;

  constructor(file: string) {
    this.file = file;
  }

  add(row: number, column: string | null, value: string | null, reason: string): void {
    this.total += 1;
    if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(this.problem(row, column, value, reason));
  }

  /**
   * A problem of the whole file found only at its end (read in the wrong encoding), listed first: it is the cause
   * of the cell problems before it, and must not be left out of a list already full of them.
   */
  addFirst(row: number, reason: string): void {
    this.total += 1;
    this.problems.unshift(this.problem(row, null, null, reason));
    if (this.problems.length > MAX_REPORTED_PROBLEMS) this.problems.pop();
  }

  private problem(row: number, column: string | null, value: string | null, reason: string): ImportProblem {
    return { file: this.file, row, column: column === null ? null : echoed(column), value: value === null ? null : echoed(value), reason };
  }
}

export function describeProblem(problem: ImportProblem): string {
  const where = problem.column === null ? `row ${problem.row}` : `row ${problem.row}, column ${problem.column}`;
  const value = problem.value === null ? '' : ` ${JSON.stringify(problem.value)}`;
  return `${where}:${value} ${problem.reason}`;
}

/**
 * All of a file's problems in one error; `outcome` says what did not happen because of them, `retryEncoding` (in the
 * details, when given) the encoding the file looks like, so that a screen can offer to import it again in that one.
 */
export function rejection(log: ProblemLog, outcome = 'was not imported (nothing was written)', retryEncoding: ImportEncoding | null = null): RiskDeskError {
  const shown = log.problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => `  ${describeProblem(p)}`);
  const more = log.total - shown.length;
  if (more > 0) shown.push(`  … and ${more} more${log.total > log.problems.length ? ` (the first ${log.problems.length} are in the details)` : ''}`);
  const count = log.total === 1 ? '1 problem' : `${log.total} problems`;
  return new RiskDeskError('IMPORT_REJECTED', `${log.file} ${outcome}: ${count}\n${shown.join('\n')}`, {
    problems: log.problems,
    totalProblems: log.total,
    ...(retryEncoding === null ? {} : { retryEncoding }),
  });
}

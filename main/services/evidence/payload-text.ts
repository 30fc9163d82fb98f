// How an evidence pack's payload files turn rows into text: lines gathered into chunks of bounded size (neither one
// chunk per row, which would cost a zip write each, nor a whole file, which a million alerts would not fit), CSV
// through the one CSV writer, JSON pretty-printed.
import type { Db } from '../../store/database.ts';
import { listingBatches, type Listing } from '../../store/evidence-queries.ts';
import { CSV_BOM, CSV_LINE_END, csvLine, type CsvValue } from '../csv-writer.ts';
import type { PayloadFile } from './payload-file.ts';

/** The most characters one chunk holds, unless a single line is longer (a line is never split). */
export const PAYLOAD_CHUNK_CHARS = 1 << 18;
/**
 * Rows per keyset batch: a batch is a few MB at most, and few enough batches that what each one re-evaluates (the
 * alerts' query re-reads the cases in scope) stays small beside the rows themselves.
 */
export const PAYLOAD_BATCH_ROWS = 5_000;

/** Lines joined into chunks of at most PAYLOAD_CHUNK_CHARS, a chunk yielded as soon as the next line would overflow it. */
export async function* inChunks(lines: Iterable<string>): AsyncGenerator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size > 0 && size + line.length > PAYLOAD_CHUNK_CHARS) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
    parts.push(line);
    size += line.length;
  }
  if (size > 0) yield parts.join('');
}

/** A CSV of a listing's rows: byte order mark, a header of `columns`, then one line per row in key order. */
export function csvPayloadFile(db: Db, path: string, listing: Listing, columns: readonly string[]): PayloadFile {
  function* lines(): Generator<string> {
    yield `${CSV_BOM}${csvLine(columns)}${CSV_LINE_END}`;
    for (const batch of listingBatches<Record<string, CsvValue>>(db, listing, PAYLOAD_BATCH_ROWS)) {
      for (const row of batch) yield `${csvLine(columns.map((column) => row[column]))}${CSV_LINE_END}`;
    }
  }
  return { path, content: () => inChunks(lines()) };
}

/** Pretty-printed with a trailing newline; key order is the order the document was built in. */
function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A JSON document made when the pack's writer reaches it (inside the export's read transaction). */
export function jsonPayloadFile(path: string, build: () => unknown): PayloadFile {
  return {
    path,
    content: async function* () {
      yield prettyJson(build());
    },
  };
}

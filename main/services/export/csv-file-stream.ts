import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CSV_BOM, CSV_LINE_END, csvLine, type CsvValue } from '../csv-writer.ts';

const ROWS_PER_TURN = 2_000;
const FLUSH_CHARS = 1 << 18;

/**
 * Writes a CSV (byte order mark, header, one line per row) to an open file a batch at a time, yielding to the event
 * loop between batches so the app stays responsive and memory stays flat however many rows there are; returns how
 * many rows it wrote and the SHA-256 of the bytes, which the export's audit event records.
 */
export async function streamCsv<Row>(
  handle: FileHandle,
  content: { readonly header: readonly string[]; readonly rows: Iterable<Row>; readonly line: (row: Row) => readonly CsvValue[]; readonly total: number },
  call: { readonly onProgress?: (progress: { done: number; total: number }) => void; readonly signal?: AbortSignal | undefined },
): Promise<{ rows: number; sha256: string }> {
  let buffer = CSV_BOM + csvLine(content.header) + CSV_LINE_END;
  const digest = createHash('sha256');
  const flush = async (): Promise<void> => {
    digest.update(buffer, 'utf8');
    await handle.write(buffer);
    buffer = '';
  };
  let written = 0;
  for (const row of content.rows) {
    buffer += csvLine(content.line(row)) + CSV_LINE_END;
    written += 1;
    if (buffer.length >= FLUSH_CHARS) await flush();
    if (written % ROWS_PER_TURN === 0) {
      call.onProgress?.({ done: written, total: Math.max(content.total, written) });
      await nextTurn();
      call.signal?.throwIfAborted();
    }
  }
  await flush();
  await handle.sync();
  call.onProgress?.({ done: written, total: written });
  return { rows: written, sha256: digest.digest('hex') };
}

/** The name of a new export file made now by job `jobId`: `<prefix>-YYYYMMDD-HHMMSS-<job>.csv`. */
export function exportFileName(prefix: string, now: Date, jobId: string): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${prefix}-${stamp}-${jobId.slice(0, 8)}.csv`;
}

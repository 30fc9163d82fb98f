import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvError, parse } from 'csv-parse';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ImportEncoding } from '../../../preload/contract/vocabulary.ts';
import { ENCODING_SAMPLE_BYTES, encodingAdvice, guessEncoding, misreadUtf8Reason, retryEncoding, undecodableReason } from './text-encoding.ts';

/** A CSV file being read once, front to back: its records, how far the reading got, and the digest of its bytes. */
export interface CsvFile {
  readonly totalBytes: number;
  /** Bytes read from disk so far (ahead of the parsed records by at most the stream buffers). */
  bytesRead(): number;
  /** Raw records (arrays of cell text, any length); the header is the first. */
  readonly records: AsyncIterable<string[]>;
  /**
   * The first broken quoting found so far; `records` on it counts the records before it (blank lines included).
   * Records the parser yields after it are guesses, so consumers stop there.
   */
  syntaxError(): CsvError | null;
  /** SHA-256 of every byte of the file, BOM included; complete once `records` is exhausted. */
  sha256(): string;
  /**
   * Why a cell holding U+FFFD (what the decoder puts for bytes that are not text in the file's encoding) is refused,
   * naming the encoding the file's first non-ASCII bytes look like. Call it for a cell already read.
   */
  undecodable(): string;
  /** "the file looks like UTF-16 …: save it as CSV UTF-8" when it looks like another encoding than it is read as. */
  encodingAdvice(): string | null;
  /** Why the file is refused when it is surely UTF-8 but read as another encoding; complete once `records` is exhausted. */
  misreadUtf8(): string | null;
  /** The encoding to import the file with instead, when it looks like one RiskDesk reads; complete once `records` is exhausted. */
  retryEncoding(): ImportEncoding | null;
  close(): void;
}

const READ_CHUNK_BYTES = 256 * 1024;
/**
 * No valid record of any kind comes near this (at most about twenty cells of at most 500 characters), so a
 * longer one is refused as soon as the parser has buffered this much, rather than read into memory whole: a
 * file with one gigabyte-long line (not a CSV file, or a broken one) must not take a gigabyte to reject.
 */
export const MAX_RECORD_CHARS = 64 * 1024;

export function unreadable(file: string, error: unknown): RiskDeskError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reasons: Record<string, string> = {
    ENOENT: 'does not exist',
    EACCES: 'cannot be read: permission denied',
    EPERM: 'cannot be read: permission denied',
    EISDIR: 'is a folder, not a file',
  };
  const reason = reasons[code] ?? `could not be read (${error instanceof Error ? error.message : String(error)})`;
  return new RiskDeskError('FILE_UNREADABLE', `${file} ${reason}.`, { file });
}

/**
 * Opens `file` for a single streaming pass. Memory stays bounded by the stream buffers whatever the file's size:
 * bytes flow disk → digest → parser → consumer with backpressure, and nothing keeps what has passed.
 */
export async function openCsvFile(file: string, options: { signal?: AbortSignal; encoding?: ImportEncoding } = {}): Promise<CsvFile> {
  const { signal, encoding = 'utf-8' } = options;
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  let totalBytes: number;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
    totalBytes = stat.size;
  } catch (error) {
    await handle.close();
    throw unreadable(file, error);
  }

  const input = handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES });
  const digest = createHash('sha256');
  let bytesRead = 0;
  const sample = new NonAsciiSample();
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      digest.update(chunk);
      bytesRead += chunk.length;
      sample.add(chunk);
      done(null, chunk);
    },
  });
  // Strict RFC 4180 quoting; rows of the wrong length are let through so the importer can report each one.
  // Broken quoting is reported as a 'skip' rather than an error: an error would destroy the parser and, with it,
  // the valid records still buffered ahead of the consumer, hiding their problems.
  const parser = parse({ bom: true, relax_column_count: true, skip_records_with_error: true, max_record_size: MAX_RECORD_CHARS });
  let syntaxError: CsvError | null = null;
  parser.on('skip', (error: CsvError) => {
    syntaxError ??= error;
  });
  // Failures (a read error, an abort) reach the consumer through the parser's iterator; this promise
  // only has to be kept from going unhandled.
  const stages = encoding === 'utf-8' ? [input, tap, parser] : [input, tap, decoderTo8(encoding), parser];
  pipeline(stages, signal ? { signal } : {}).catch(() => undefined);

  let sha256: string | null = null;
  return {
    totalBytes,
    bytesRead: () => bytesRead,
    records: parser,
    syntaxError: () => syntaxError,
    sha256() {
      sha256 ??= digest.digest('hex');
      return sha256;
    },
    undecodable: () => undecodableReason(encoding, guessEncoding(sample.bytes())),
    encodingAdvice: () => encodingAdvice(encoding, guessEncoding(sample.bytes())),
    misreadUtf8: () => misreadUtf8Reason(encoding, guessEncoding(sample.bytes())),
    retryEncoding: () => retryEncoding(encoding, guessEncoding(sample.bytes())),
    close() {
      input.destroy();
      parser.destroy();
    },
  };
}

/**
 * Re-encodes text in `encoding` as UTF-8 for the parser, a chunk at a time: the decoder keeps a character split
 * between chunks until its second half arrives, and puts U+FFFD for bytes that are not text in that encoding.
 */
function decoderTo8(encoding: ImportEncoding): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
}

/**
 * The file's bytes from its first byte above 0x7F (or its start, for a byte order mark), up to
 * ENCODING_SAMPLE_BYTES: what an encoding is guessed from. Chunks of plain ASCII are passed over with one
 * vectorised check each, so an ASCII file costs next to nothing.
 */
class NonAsciiSample {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  add(chunk: Buffer): void {
    if (this.size >= ENCODING_SAMPLE_BYTES) return;
    let start = 0;
    if (this.size === 0) {
      if (isAscii(chunk)) return;
      // The chunk before was ASCII throughout, so a character begins here.
      while ((chunk[start] ?? 0) < 0x80) start += 1;
    }
    const part = chunk.subarray(start, start + ENCODING_SAMPLE_BYTES - this.size);
    this.chunks.push(Buffer.from(part));
    this.size += part.length;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

// Writes a signed BagIt 1.0 bag (RFC 8493) as one zip, streaming: each payload file is hashed as it goes into the
// zip, so a payload of gigabytes never sits in memory, and nothing appears at the pack's path until it is complete.
//
// Layout, all under `<bagName>/`: bagit.txt, data/… (the payload, in the order given), manifest-sha256.txt,
// bag-info.txt, tagmanifest-sha256.txt (bagit.txt, bag-info.txt, manifest-sha256.txt and public-key.pem),
// public-key.pem (the Ed25519 key, SPKI PEM) and signature.ed25519: the raw 64-byte Ed25519 signature over the bytes of
// tagmanifest-sha256.txt, in base64 and a newline. The signature covers the tag manifest, which covers bag-info.txt
// (with Signing-Key-Fingerprint) and the payload manifest, which covers every payload file.
import { createHash, createPublicKey, randomBytes, sign, type Hash, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { fsyncDirectory, fsyncFile } from '../../store/atomic-file.ts';
import { openOwnerOnly } from '../../store/owner-only-file.ts';
import type { PendingOutputs } from '../../store/pending-outputs.ts';
import { keyFingerprint } from '../signing-fingerprint.ts';
import { formatBagInfo, formatBagSize, formatManifest, type ManifestEntry } from './bag-info.ts';
import { BAG_DECLARATION, BAG_FILES, WRITER_LABELS } from './bag-layout.ts';
import type { PayloadFile } from './payload-file.ts';

export interface BagWriteOptions {
  /** The final path of the zip; nothing exists under it until the pack is complete. */
  readonly out: string;
  /** The single top-level folder inside the zip (the bag's name). */
  readonly bagName: string;
  /** bag-info.txt labels the caller supplies, in order; the writer appends Bagging-Date, Payload-Oxum, Bag-Size and Signing-Key-Fingerprint. */
  readonly info: ReadonlyArray<readonly [string, string]>;
  /** The export's clock: Bagging-Date (its UTC date) and every zip entry's modification time, so a fixed clock gives byte-identical packs. */
  readonly at: Date;
  readonly signingKey: { readonly publicKeyDer: Buffer; readonly privateKey: KeyObject };
  /** The workspace's pending outputs, which name the partial zip (plaintext evidence) while it exists, so a kill leaves it only until the next unlock. */
  readonly pending: PendingOutputs;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly file: string; readonly filesDone: number; readonly bytes: number }) => void;
}

export interface BagSummary {
  /** Size of the zip. */
  readonly bytes: number;
  /** SHA-256 of the zip, hex. */
  readonly sha256: string;
  readonly payloadFiles: number;
  readonly payloadBytes: number;
  readonly fingerprint: string;
  readonly tagManifestSha256: string;
}

/** Progress within a large payload file, so that a cancel is seen and the bar moves. */
const PROGRESS_EVERY_BYTES = 1 << 20;

/**
 * Payload paths become zip entry names and manifest lines: a path that could land outside the bag when unzipped, read
 * differently on Windows, or break a `sha256sum -c` line is refused, as is a second file at the same path.
 */
function checkPayloadPath(file: string, seen: Set<string>): void {
  const refuse = (why: string): RiskDeskError => new RiskDeskError('VALIDATION', `The evidence payload path "${file}" ${why}.`, { path: file });
  if (file === '' || file.startsWith('/') || /^[a-zA-Z]:/.test(file)) throw refuse('must be relative to data/');
  if (file.includes('\\')) throw refuse('must use forward slashes');
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(file)) throw refuse('must not hold control characters');
  if (file.split('/').some((part) => part === '' || part === '.' || part === '..')) throw refuse('must not have empty, "." or ".." parts');
  if (seen.has(file)) throw refuse('is in the pack twice');
  seen.add(file);
}

function checkOptions(options: BagWriteOptions): void {
  const { bagName, info, signingKey } = options;
  if (bagName === '' || bagName === '.' || bagName === '..' || /[/\\:]/.test(bagName)) {
    throw new RiskDeskError('VALIDATION', `"${bagName}" cannot name an evidence pack's folder: use a name without slashes or colons.`, { bagName });
  }
  const reserved = info.find(([label]) => (WRITER_LABELS as readonly string[]).includes(label));
  if (reserved) throw new RiskDeskError('VALIDATION', `bag-info label ${reserved[0]} is written by the pack itself; leave it out.`, { label: reserved[0] });
  const derived = createPublicKey(signingKey.privateKey).export({ format: 'der', type: 'spki' });
  if (signingKey.privateKey.asymmetricKeyType !== 'ed25519' || !derived.equals(signingKey.publicKeyDer)) {
    throw new Error('internal: the evidence signing key is not an Ed25519 key pair');
  }
}

/**
 * DOS timestamps carry no time zone and yazl writes them in local time; the pack writes the UTC wall clock instead,
 * without the Unix extra field, so its bytes do not depend on the exporting machine's zone.
 */
function dosClock(at: Date): Date {
  return new Date(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds());
}

interface Tally {
  readonly digest: Hash;
  bytes: number;
}

/** The content as bytes, hashed and counted on the way; pulled one chunk at a time, so the zip's pace sets the memory. */
async function* tallied(content: AsyncIterable<string | Uint8Array>, tally: Tally, signal: AbortSignal | undefined, onBytes: () => void): AsyncGenerator<Buffer> {
  for await (const chunk of content) {
    signal?.throwIfAborted();
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (bytes.length === 0) continue;
    tally.digest.update(bytes);
    tally.bytes += bytes.length;
    onBytes();
    yield bytes;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function writeZip(fd: number, files: Iterable<PayloadFile> | AsyncIterable<PayloadFile>, options: BagWriteOptions): Promise<BagSummary> {
  const { bagName, at, signingKey, signal, onProgress } = options;
  const zip = new ZipFile();
  const entryOptions = { mtime: dosClock(at), forceDosTimestamp: true, mode: 0o100600, compress: true };
  const inBag = (name: string): string => `${bagName}/${name}`;
  const zipDigest = createHash('sha256');
  let zipBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      zipDigest.update(chunk);
      zipBytes += chunk.length;
      done(null, chunk);
    },
  });
  const written = pipeline(zip.outputStream, tap, fs.createWriteStream('', { fd }), signal ? { signal } : {});
  // Whatever fails first (the file, a cancel, yazl) ends the wait on the entry being written.
  const failed = new Promise<never>((_, reject) => {
    written.catch(reject);
    zip.on('error', reject);
  });
  failed.catch(() => undefined);
  let source: Readable | undefined;
  try {
    const declaration = Buffer.from(BAG_DECLARATION, 'utf8');
    zip.addBuffer(declaration, inBag(BAG_FILES.declaration), entryOptions);
    const manifest: ManifestEntry[] = [];
    const seen = new Set<string>();
    let payloadBytes = 0;
    for await (const file of files) {
      signal?.throwIfAborted();
      checkPayloadPath(file.path, seen);
      const tally: Tally = { digest: createHash('sha256'), bytes: 0 };
      let reported = 0;
      const report = (): void => {
        if (tally.bytes - reported < PROGRESS_EVERY_BYTES) return;
        reported = tally.bytes;
        onProgress?.({ file: file.path, filesDone: manifest.length, bytes: payloadBytes + tally.bytes });
      };
      source = Readable.from(tallied(file.content(), tally, signal, report), { objectMode: false });
      zip.addReadStream(source, inBag(`data/${file.path}`), entryOptions);
      await Promise.race([finished(source), failed]);
      manifest.push({ path: `data/${file.path}`, sha256: tally.digest.digest('hex') });
      payloadBytes += tally.bytes;
      onProgress?.({ file: file.path, filesDone: manifest.length, bytes: payloadBytes });
    }
    source = undefined;

    const fingerprint = keyFingerprint(signingKey.publicKeyDer);
    const manifestText = Buffer.from(formatManifest(manifest), 'utf8');
    const bagInfo = Buffer.from(
      formatBagInfo([
        ...options.info,
        ['Bagging-Date', at.toISOString().slice(0, 10)],
        ['Payload-Oxum', `${payloadBytes}.${manifest.length}`],
        ['Bag-Size', formatBagSize(payloadBytes)],
        ['Signing-Key-Fingerprint', fingerprint],
      ]),
      'utf8',
    );
    const publicKeyPem = Buffer.from(createPublicKey({ key: signingKey.publicKeyDer, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }));
    const tagManifest = Buffer.from(
      formatManifest([
        { path: BAG_FILES.declaration, sha256: sha256(declaration) },
        { path: BAG_FILES.bagInfo, sha256: sha256(bagInfo) },
        { path: BAG_FILES.manifest, sha256: sha256(manifestText) },
        { path: BAG_FILES.publicKey, sha256: sha256(publicKeyPem) },
      ]),
      'utf8',
    );
    const signature = Buffer.from(`${sign(null, tagManifest, signingKey.privateKey).toString('base64')}\n`, 'utf8');
    zip.addBuffer(manifestText, inBag(BAG_FILES.manifest), entryOptions);
    zip.addBuffer(bagInfo, inBag(BAG_FILES.bagInfo), entryOptions);
    zip.addBuffer(tagManifest, inBag(BAG_FILES.tagManifest), entryOptions);
    zip.addBuffer(publicKeyPem, inBag(BAG_FILES.publicKey), entryOptions);
    zip.addBuffer(signature, inBag(BAG_FILES.signature), entryOptions);
    zip.end();
    await Promise.race([written, failed]);
    return { bytes: zipBytes, sha256: zipDigest.digest('hex'), payloadFiles: manifest.length, payloadBytes, fingerprint, tagManifestSha256: sha256(tagManifest) };
  } catch (error) {
    source?.destroy();
    (zip.outputStream as Readable).destroy();
    await written.catch(() => undefined);
    throw error;
  }
}

/**
 * Writes the bag to `${out}.partial-<random>` (owner-only), syncs it and renames it to `out`. A cancel (AbortError) or
 * any failure removes the partial file and rethrows: `out` holds a complete pack or nothing from this call. A kill
 * cannot remove it: `pending` names it meanwhile, for the workspace's next unlock to remove.
 */
export async function writeBag(files: Iterable<PayloadFile> | AsyncIterable<PayloadFile>, options: BagWriteOptions): Promise<BagSummary> {
  options.signal?.throwIfAborted();
  checkOptions(options);
  const partial = `${path.resolve(options.out)}.partial-${randomBytes(6).toString('hex')}`;
  options.pending.add(partial);
  let fd: number;
  try {
    fd = openOwnerOnly(partial);
  } catch (error) {
    options.pending.remove(partial);
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message;
    throw new RiskDeskError('VALIDATION', `The evidence pack cannot be written to ${options.out} (${reason}): choose a folder you can write to.`, { file: options.out });
  }
  try {
    // The zip's write stream owns (and closes) the descriptor.
    const summary = await writeZip(fd, files, options);
    fsyncFile(partial);
    options.signal?.throwIfAborted();
    fs.renameSync(partial, options.out);
    fsyncDirectory(path.dirname(options.out));
    return summary;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    options.pending.remove(partial);
  }
}

// Checks an evidence pack (bag-writer.ts) without the workspace, line by line: every check that runs gets a line, and a
// failure does not stop the ones after it, so that the result lists every problem. Entries are read one at a time as
// streams (yauzl, lazy entries): payload files are hashed as they stream, tag files (small) are read whole up to a cap.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { BagCheck, BagVerification } from '../../../preload/contract/evidence.ts';
import { keyFingerprint } from '../signing-fingerprint.ts';
import { AuditSliceChecker } from './audit-slice.ts';
import { parseBagInfo, parseManifest, type ManifestEntry } from './bag-info.ts';
import { BAG_DECLARATION, BAG_FILES, SIGNED_TAG_FILES, WRITER_LABELS } from './bag-layout.ts';
import { AUDIT_EVENTS_PATH, AUDIT_SLICE_PATH, auditSliceHeaderSchema, type AuditSliceHeader } from './payload-file.ts';

/** One line of the result; `message` says what held or what did not, without repeating `file`. */
export type BagCheckLine = BagVerification['checks'][number];

export interface BagVerifyResult {
  readonly ok: boolean;
  /** The fingerprint of public-key.pem (null when it is missing or not an Ed25519 key). */
  readonly fingerprint: string | null;
  readonly publicKeyDer: Buffer | null;
  readonly bagInfo: Array<{ label: string; value: string }>;
  readonly checks: BagCheckLine[];
}

export interface BagVerifyOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { file: string; filesDone: number; filesTotal: number }) => void;
}

/**
 * Tag files and the slice's header are read whole; they are a few kB in a real pack. yauzl checks that no entry
 * inflates beyond the size its directory declares (validateEntrySizes), so the declared size bounds what is read.
 */
const MAX_TAG_FILE_BYTES = 16 << 20;
const PAYLOAD_PREFIX = 'data/';
const AUDIT_PREFIX = `${PAYLOAD_PREFIX}audit/`;
const AUDIT_EVENTS = `${PAYLOAD_PREFIX}${AUDIT_EVENTS_PATH}`;
const AUDIT_HEADER = `${PAYLOAD_PREFIX}${AUDIT_SLICE_PATH}`;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function utf8(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Reads the pack's entries; `checks` collects the lines. */
class PackReader {
  readonly checks: BagCheckLine[] = [];
  /** Set once the bag's files are known. */
  filesTotal = 0;
  private filesDone = 0;
  private readonly zip: ZipFile;
  private readonly options: BagVerifyOptions;

  constructor(zip: ZipFile, options: BagVerifyOptions) {
    this.zip = zip;
    this.options = options;
  }

  pass(check: BagCheck, file: string | null, message: string): void {
    this.checks.push({ check, file, ok: true, message });
  }

  fail(check: BagCheck, file: string | null, message: string): void {
    this.checks.push({ check, file, ok: false, message });
  }

  /** Streams an entry's bytes to `onChunk`; a cancel is rethrown, a damaged entry too (callers report it). */
  async stream(entry: Entry, file: string, onChunk: (chunk: Buffer) => void): Promise<void> {
    this.options.signal?.throwIfAborted();
    const input = await this.zip.openReadStreamPromise(entry);
    try {
      for await (const chunk of input) {
        this.options.signal?.throwIfAborted();
        onChunk(chunk as Buffer);
      }
    } finally {
      input.destroy();
    }
    this.filesDone += 1;
    this.options.onProgress?.({ file, filesDone: this.filesDone, filesTotal: this.filesTotal });
  }

  async readWhole(entry: Entry, file: string): Promise<Buffer> {
    if (entry.uncompressedSize > MAX_TAG_FILE_BYTES) throw new Error(`it is ${entry.uncompressedSize} bytes, more than a tag file can be (${MAX_TAG_FILE_BYTES})`);
    const chunks: Buffer[] = [];
    await this.stream(entry, file, (chunk) => chunks.push(chunk));
    return Buffer.concat(chunks);
  }
}

/** The zip's entries: unsafe names, duplicates and encrypted entries are reported (and left out), directories skipped. */
async function listEntries(zip: ZipFile, reader: PackReader): Promise<Map<string, Entry> | null> {
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const unsafe = yauzl.validateFileName(name) ?? (name.split('/').slice(0, -1).some((part) => part === '' || part === '.') ? `empty or "." folder in ${name}` : null);
      if (unsafe !== null) reader.fail('zip', name, `unsafe entry name (${unsafe}): it could be written outside the folder it is unzipped to`);
      else if (entry.isEncrypted()) reader.fail('zip', name, 'the entry is encrypted; a pack holds no encrypted entries');
      else if (name.endsWith('/')) continue;
      else if (entries.has(name)) reader.fail('zip', name, 'the zip holds two entries of this name');
      else entries.set(name, entry);
    }
  } catch (error) {
    reader.fail('zip', null, `the zip's directory is damaged (${describe(error)})`);
    return null;
  }
  return entries;
}

/**
 * The bag's files by their path in its folder: the one top-level folder, or (reported as a failure) the one that holds
 * bagit.txt.
 */
function bagFiles(entries: Map<string, Entry>, reader: PackReader): Map<string, Entry> | null {
  const tops = new Set([...entries.keys()].map((name) => (name.includes('/') ? name.slice(0, name.indexOf('/')) : `${name} (a file)`)));
  const candidates = [...tops].filter((top) => entries.has(`${top}/${BAG_FILES.declaration}`));
  if (tops.size === 1 && candidates.length === 1) reader.pass('zip', null, `one top-level folder, ${candidates[0]}, with ${entries.size} files`);
  else reader.fail('zip', null, `a pack holds one top-level folder, this one holds ${[...tops].join(', ') || 'nothing'}`);
  if (candidates.length !== 1) {
    if (candidates.length === 0) reader.fail('bag-declaration', BAG_FILES.declaration, 'no folder of the zip holds bagit.txt: this is not a BagIt bag');
    return null;
  }
  const prefix = `${candidates[0]}/`;
  const files = new Map<string, Entry>();
  for (const [name, entry] of entries) if (name.startsWith(prefix)) files.set(name.slice(prefix.length), entry);
  return files;
}

function checkDeclaration(text: string | null, reader: PackReader): void {
  if (text === null) return;
  try {
    const labels = parseBagInfo(text, BAG_FILES.declaration);
    const expected = parseBagInfo(BAG_DECLARATION, BAG_FILES.declaration);
    if (JSON.stringify(labels) === JSON.stringify(expected)) reader.pass('bag-declaration', BAG_FILES.declaration, 'declares BagIt 1.0 in UTF-8');
    else reader.fail('bag-declaration', BAG_FILES.declaration, `does not declare "BagIt-Version: 1.0" and "Tag-File-Character-Encoding: UTF-8" (it says ${labels.map((l) => `${l.label}: ${l.value}`).join('; ')})`);
  } catch (error) {
    reader.fail('bag-declaration', BAG_FILES.declaration, describe(error));
  }
}

function checkBagInfo(text: string | null, reader: PackReader): Array<{ label: string; value: string }> {
  if (text === null) return [];
  let info: Array<{ label: string; value: string }>;
  try {
    info = parseBagInfo(text, BAG_FILES.bagInfo);
  } catch (error) {
    reader.fail('bag-info', BAG_FILES.bagInfo, describe(error));
    return [];
  }
  const problems = WRITER_LABELS.flatMap((label) => {
    const count = info.filter((entry) => entry.label === label).length;
    return count === 1 ? [] : [count === 0 ? `${label} is missing` : `${label} appears ${count} times`];
  });
  const oxum = info.find((entry) => entry.label === 'Payload-Oxum')?.value;
  if (oxum !== undefined && !/^\d+\.\d+$/.test(oxum)) problems.push(`Payload-Oxum "${oxum}" is not <octets>.<files>`);
  for (const problem of problems) reader.fail('bag-info', BAG_FILES.bagInfo, problem);
  if (problems.length === 0) reader.pass('bag-info', BAG_FILES.bagInfo, `${info.length} labels, with ${WRITER_LABELS.join(', ')}`);
  return info;
}

function readManifest(text: string | null, fileName: string, check: BagCheck, reader: PackReader): ManifestEntry[] | null {
  if (text === null) return null;
  try {
    return parseManifest(text, fileName);
  } catch (error) {
    reader.fail(check, fileName, describe(error));
    return null;
  }
}

/** public-key.pem as an Ed25519 key, and whether bag-info.txt states its fingerprint. */
function checkPublicKey(pem: Buffer | null, info: Array<{ label: string; value: string }>, reader: PackReader): { key: KeyObject; der: Buffer; fingerprint: string } | null {
  if (pem === null) return null;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch (error) {
    reader.fail('public-key', BAG_FILES.publicKey, `not a public key (${describe(error)})`);
    return null;
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    reader.fail('public-key', BAG_FILES.publicKey, `a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
    return null;
  }
  const der = key.export({ format: 'der', type: 'spki' });
  const fingerprint = keyFingerprint(der);
  reader.pass('public-key', BAG_FILES.publicKey, `Ed25519 public key, fingerprint ${fingerprint}`);
  const stated = info.find((entry) => entry.label === 'Signing-Key-Fingerprint')?.value;
  if (stated === fingerprint) reader.pass('public-key', BAG_FILES.bagInfo, `Signing-Key-Fingerprint is the fingerprint of public-key.pem`);
  else reader.fail('public-key', BAG_FILES.bagInfo, `Signing-Key-Fingerprint ${stated ?? '(missing)'} is not ${fingerprint}, the fingerprint of public-key.pem`);
  return { key, der, fingerprint };
}

function checkSignature(signatureFile: Buffer | null, tagManifest: Buffer | null, key: { key: KeyObject; fingerprint: string } | null, reader: PackReader): void {
  const file = BAG_FILES.signature;
  if (signatureFile === null) return;
  if (tagManifest === null || key === null) {
    reader.fail('signature', file, `cannot be checked without ${tagManifest === null ? BAG_FILES.tagManifest : `an Ed25519 ${BAG_FILES.publicKey}`}`);
    return;
  }
  const text = signatureFile.toString('latin1').trim();
  const signature = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || signature.length !== 64) {
    reader.fail('signature', file, 'not a 64-byte Ed25519 signature in base64');
    return;
  }
  if (verify(null, tagManifest, key.key, signature)) reader.pass('signature', file, `signs tagmanifest-sha256.txt with the key of fingerprint ${key.fingerprint}`);
  else reader.fail('signature', file, `does not sign tagmanifest-sha256.txt with the key of fingerprint ${key.fingerprint}: the pack was changed after it was signed, or signed with another key`);
}

function parseSliceHeader(bytes: Buffer): AuditSliceHeader | string {
  let json: unknown;
  try {
    json = JSON.parse(utf8(bytes));
  } catch (error) {
    return `not JSON (${describe(error)})`;
  }
  const header = auditSliceHeaderSchema.safeParse(json);
  if (header.success) return header.data;
  const issue = header.error.issues[0];
  return `not an audit slice header (${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'wrong shape'})`;
}

/** The audit slice's checker, from its header (read first, so that its events are checked as they stream past). */
async function openSliceCheck(files: Map<string, Entry>, reader: PackReader, signal: AbortSignal | undefined): Promise<{ checker: AuditSliceChecker } | { problem: { file: string; message: string } }> {
  const headerEntry = files.get(AUDIT_HEADER);
  if (headerEntry === undefined) return { problem: { file: AUDIT_HEADER, message: 'the pack has an audit folder but not the slice header' } };
  let header: AuditSliceHeader | string;
  try {
    header = parseSliceHeader(await reader.readWhole(headerEntry, AUDIT_HEADER));
  } catch (error) {
    if (signal?.aborted) throw error;
    return { problem: { file: AUDIT_HEADER, message: `cannot be read (${describe(error)})` } };
  }
  if (typeof header === 'string') return { problem: { file: AUDIT_HEADER, message: header } };
  if (!files.has(AUDIT_EVENTS)) return { problem: { file: AUDIT_EVENTS, message: 'the pack has a slice header but not its events' } };
  return { checker: new AuditSliceChecker(header) };
}

/**
 * Hashes each payload file as it streams (feeding the audit slice's events to `slice` on the way) against the
 * manifest (null: unreadable, already reported), then the files it lists that are absent, then Payload-Oxum.
 */
async function checkPayload(
  files: Map<string, Entry>,
  manifest: ManifestEntry[] | null,
  statedOxum: string | undefined,
  slice: AuditSliceChecker | null,
  reader: PackReader,
  signal: AbortSignal | undefined,
): Promise<{ hashes: Map<string, string>; sliceRead: boolean }> {
  const listed = new Map((manifest ?? []).map((entry) => [entry.path, entry.sha256]));
  const hashes = new Map<string, string>();
  let sliceRead = false;
  let octets = 0;
  for (const [name, entry] of files) {
    if (!name.startsWith(PAYLOAD_PREFIX)) continue;
    const digest = createHash('sha256');
    const feedSlice = name === AUDIT_EVENTS ? slice : null;
    try {
      await reader.stream(entry, name, (chunk) => {
        digest.update(chunk);
        octets += chunk.length;
        feedSlice?.push(chunk);
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      reader.fail('payload-file', name, `cannot be read (${describe(error)})`);
      continue;
    }
    if (feedSlice) sliceRead = true;
    const actual = digest.digest('hex');
    hashes.set(name, actual);
    const expected = listed.get(name);
    if (manifest === null) continue;
    if (expected === undefined) reader.fail('unlisted-file', name, `not listed in ${BAG_FILES.manifest}`);
    else if (expected === actual) reader.pass('payload-file', name, 'SHA-256 matches the manifest');
    else reader.fail('payload-file', name, `SHA-256 ${actual} is not the ${expected} the manifest lists: the file was changed`);
  }
  for (const entry of manifest ?? []) {
    if (entry.path.startsWith(PAYLOAD_PREFIX) && !files.has(entry.path)) reader.fail('missing-file', entry.path, `listed in ${BAG_FILES.manifest} but not in the pack`);
  }
  if (statedOxum !== undefined) {
    const actualOxum = `${octets}.${hashes.size}`;
    if (statedOxum === actualOxum) reader.pass('payload-oxum', BAG_FILES.bagInfo, `Payload-Oxum ${statedOxum} matches the payload (${hashes.size} files, ${octets} bytes)`);
    else reader.fail('payload-oxum', BAG_FILES.bagInfo, `Payload-Oxum ${statedOxum} does not match the payload: ${actualOxum} (bytes.files)`);
  }
  return { hashes, sliceRead };
}

/** Each file the tag manifest lists against its hash; and the tag manifest, which the signature covers, must cover every other tag file. */
function checkTagManifest(tagManifest: ManifestEntry[], files: Map<string, Entry>, hashes: Map<string, string>, reader: PackReader): void {
  for (const entry of tagManifest) {
    const actual = hashes.get(entry.path);
    if (!files.has(entry.path)) reader.fail('missing-file', entry.path, `listed in ${BAG_FILES.tagManifest} but not in the pack`);
    else if (actual === undefined) continue;
    else if (actual === entry.sha256) reader.pass('tag-file', entry.path, 'SHA-256 matches the tag manifest');
    else reader.fail('tag-file', entry.path, `SHA-256 ${actual} is not the ${entry.sha256} the tag manifest lists: the file was changed`);
  }
  const covered = new Set(tagManifest.map((entry) => entry.path));
  for (const name of files.keys()) {
    if (name.startsWith(PAYLOAD_PREFIX) || name === BAG_FILES.tagManifest || name === BAG_FILES.signature || covered.has(name)) continue;
    if ((SIGNED_TAG_FILES as readonly string[]).includes(name)) reader.fail('tag-file', name, `not listed in ${BAG_FILES.tagManifest}, so the signature does not cover it`);
    else reader.fail('unlisted-file', name, `not listed in ${BAG_FILES.tagManifest}: nothing vouches for it`);
  }
}

/**
 * Verifies the pack at `zipPath`. A path that does not exist is a VALIDATION error; anything wrong with the file
 * itself (not a zip, damaged, not a bag, changed) is a failing line of the result, never a throw. A cancel rethrows.
 */
export async function verifyBag(zipPath: string, options: BagVerifyOptions = {}): Promise<BagVerifyResult> {
  options.signal?.throwIfAborted();
  const fileName = path.basename(zipPath);
  try {
    await fs.promises.access(zipPath);
  } catch {
    throw new RiskDeskError('VALIDATION', `There is no file at ${zipPath}: check the path of the evidence pack.`, { file: zipPath });
  }
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    const checks: BagCheckLine[] = [{ check: 'zip', file: null, ok: false, message: `${fileName} is not a readable zip file (${describe(error)})` }];
    return { ok: false, fingerprint: null, publicKeyDer: null, bagInfo: [], checks };
  }
  try {
    return await verifyOpenBag(zip, options);
  } finally {
    zip.close();
  }
}

async function verifyOpenBag(zip: ZipFile, options: BagVerifyOptions): Promise<BagVerifyResult> {
  const reader = new PackReader(zip, options);
  const entries = await listEntries(zip, reader);
  const files = entries && bagFiles(entries, reader);
  if (files === null) return { ok: false, fingerprint: null, publicKeyDer: null, bagInfo: [], checks: reader.checks };
  const hasSlice = [...files.keys()].some((name) => name.startsWith(AUDIT_PREFIX));
  // The slice's header is read twice: whole before the payload, and hashed with it.
  reader.filesTotal = files.size + (hasSlice && files.has(AUDIT_HEADER) ? 1 : 0);

  // Tag files (everything outside data/): read whole, hashed for the tag manifest.
  const tagBytes = new Map<string, Buffer>();
  const hashes = new Map<string, string>();
  for (const [name, entry] of files) {
    if (name.startsWith(PAYLOAD_PREFIX)) continue;
    try {
      const bytes = await reader.readWhole(entry, name);
      tagBytes.set(name, bytes);
      hashes.set(name, sha256(bytes));
    } catch (error) {
      if (options.signal?.aborted) throw error;
      reader.fail('tag-file', name, `cannot be read (${describe(error)})`);
    }
  }
  const tagText = (name: string): string | null => {
    const bytes = tagBytes.get(name);
    if (bytes === undefined) {
      if (!files.has(name)) reader.fail('missing-file', name, 'a bag holds this file; this one does not');
      return null;
    }
    try {
      return utf8(bytes);
    } catch {
      reader.fail('tag-file', name, 'not UTF-8 text');
      return null;
    }
  };

  checkDeclaration(tagText(BAG_FILES.declaration), reader);
  const bagInfo = checkBagInfo(tagText(BAG_FILES.bagInfo), reader);
  const manifest = readManifest(tagText(BAG_FILES.manifest), BAG_FILES.manifest, 'payload-file', reader);
  for (const entry of manifest ?? []) {
    if (!entry.path.startsWith(PAYLOAD_PREFIX)) reader.fail('payload-file', BAG_FILES.manifest, `lists ${entry.path}, which is not under data/`);
  }

  const slice = hasSlice ? await openSliceCheck(files, reader, options.signal) : null;
  const statedOxum = bagInfo.find((entry) => entry.label === 'Payload-Oxum')?.value;
  const checker = slice !== null && 'checker' in slice ? slice.checker : null;
  const payload = await checkPayload(files, manifest, statedOxum, checker, reader, options.signal);
  for (const [name, sha] of payload.hashes) hashes.set(name, sha);
  const tagManifest = readManifest(tagText(BAG_FILES.tagManifest), BAG_FILES.tagManifest, 'tag-file', reader);
  if (tagManifest !== null) checkTagManifest(tagManifest, files, hashes, reader);

  for (const name of [BAG_FILES.publicKey, BAG_FILES.signature]) {
    if (!files.has(name)) reader.fail('missing-file', name, 'a signed pack holds this file; this one does not');
  }
  const key = checkPublicKey(tagBytes.get(BAG_FILES.publicKey) ?? null, bagInfo, reader);
  checkSignature(tagBytes.get(BAG_FILES.signature) ?? null, tagBytes.get(BAG_FILES.tagManifest) ?? null, key, reader);

  if (slice !== null && 'problem' in slice) reader.fail('audit-slice', slice.problem.file, slice.problem.message);
  else if (checker !== null && !payload.sliceRead) reader.fail('audit-slice', AUDIT_EVENTS, 'cannot be checked: the events cannot be read');
  else if (checker !== null) for (const finding of checker.finish()) reader.checks.push({ check: 'audit-slice', file: AUDIT_EVENTS, ...finding });

  return { ok: reader.checks.every((line) => line.ok), fingerprint: key?.fingerprint ?? null, publicKeyDer: key?.der ?? null, bagInfo, checks: reader.checks };
}

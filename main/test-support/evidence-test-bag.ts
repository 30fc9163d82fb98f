import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import fs from 'node:fs';
import { appendAuditEvent, type AuditEventRow } from '../store/audit.ts';
import { auditEventLine } from '../services/evidence/audit-slice.ts';
import { AUDIT_EVENTS_PATH, AUDIT_SLICE_PATH, type AuditSliceHeader, type PayloadFile } from '../services/evidence/payload-file.ts';
import { createTempDatabase } from './temp-database.ts';

export function testSigningKey(): { publicKeyDer: Buffer; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKeyDer: publicKey.export({ format: 'der', type: 'spki' }), privateKey };
}

/** Five events appended to a real encrypted workspace database, one transaction each, read back as stored. */
export function realAuditRows(): AuditEventRow[] {
  const temp = createTempDatabase('riskdesk-evidence-');
  try {
    const { db } = temp;
    for (let i = 1; i <= 5; i += 1) {
      db.transaction(() =>
        appendAuditEvent(db, { actor: i % 2 ? 'ana' : 'bo', action: 'case.update', subject: `case:${i}`, details: { step: i, note: i === 3 ? 'vérifié, 已审核' : 'ok' }, at: `2026-11-0${i}T10:00:00.000Z` }),
      )();
    }
    return db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as AuditEventRow[];
  } finally {
    temp.dispose();
  }
}

/** The slice of events 2 to 4 of a five-event chain, so that it starts after the genesis and ends before the head. */
function auditSliceFiles(rows: AuditEventRow[], lines: (rows: AuditEventRow[]) => string[] = (slice) => slice.map(auditEventLine)): PayloadFile[] {
  const slice = rows.slice(1, 4);
  const head = rows.at(-1)!;
  const header: AuditSliceHeader = { fromSeq: 2, toSeq: 4, events: 3, hashBeforeFirst: rows[0]!.hash, lastHash: rows[3]!.hash, chainHead: { seq: head.seq, hash: head.hash } };
  const text = lines(slice).map((line) => `${line}\n`).join('');
  return [
    { path: AUDIT_SLICE_PATH, content: async function* () { yield JSON.stringify(header); } },
    { path: AUDIT_EVENTS_PATH, content: async function* () { yield text; } },
  ];
}

/** A deterministic text of at least `megabytes` MB, made about 60 kB at a time, never held whole. */
async function* generatedCsv(megabytes: number): AsyncGenerator<string> {
  let bytes = 0;
  for (let i = 1; bytes < megabytes * 1_000_000; i += 1) {
    let chunk = '';
    for (let row = 0; row < 2000; row += 1) chunk += `${i * 2000 + row},客户-${row % 97},${(row * 37) % 100_000}.${row % 100},ü\n`;
    bytes += Buffer.byteLength(chunk);
    yield chunk;
  }
}

/** A few payload files of every kind: small text, non-ASCII names and contents, bytes, a multi-MB generated file. */
export function samplePayload(rows: AuditEventRow[]): PayloadFile[] {
  return [
    { path: 'cases/cases.csv', content: async function* () { yield 'case_id,status,subject\n'; yield '1,closed,"Zoë Müller"\n2,open,王芳\n'; } },
    { path: 'alerts/警报 alerts.csv', content: () => generatedCsv(3) },
    { path: 'reports/report.pdf', content: async function* () { yield new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x80]); } },
    { path: 'empty.txt', content: async function* () {} },
    ...auditSliceFiles(rows),
  ];
}

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every entry of a zip, whole (tests only: the packs they make are a few MB). */
export async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return entries;
}

/** Writes `entries` as a new zip at `file`, in order: how a forger would rebuild a pack after changing it. */
export async function writeZipEntries(file: string, entries: Map<string, Buffer>): Promise<void> {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  const out = fs.createWriteStream(file);
  zip.outputStream.pipe(out);
  await new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
}

/** One byte of the content flipped, in the middle (lowest bit: a hex digit stays a character of the same line). */
export function flipByte(bytes: Buffer, at = Math.floor(bytes.length / 2)): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

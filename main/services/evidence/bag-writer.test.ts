import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import yauzl from 'yauzl';
import { keyFingerprint } from '../signing-fingerprint.ts';
import { realAuditRows, samplePayload, sha256Hex, testSigningKey, zipEntries } from '../../test-support/evidence-test-bag.ts';
import { fileSha256, tempDir } from '../../test-support/temp-workspace.ts';
import type { AuditEventRow } from '../../store/audit.ts';
import { pendingOutputsOf, pendingOutputsPathFor } from '../../store/pending-outputs.ts';
import { parseBagInfo, parseManifest } from './bag-info.ts';
import { writeBag, type BagWriteOptions } from './bag-writer.ts';
import { verifyBag } from './bag-verify.ts';
import type { PayloadFile } from './payload-file.ts';

const AT = new Date('2026-12-01T08:30:14.000Z');
const INFO = [
  ['Source-Organization', 'Banque Exemple, Zürich'],
  ['External-Description', 'Evidence for 2026-11-01 to 2026-11-30\ncases 1, 2'],
  ['Contact-Name', 'audrey (auditor)'],
] as const;

describe('writeBag', () => {
  const key = testSigningKey();
  let rows: AuditEventRow[];
  before(() => {
    rows = realAuditRows();
  });
  // The workspace whose pending outputs name each partial zip (only the list beside it is used).
  const workspace = path.join(tempDir(), 'desk.rdw');
  const options = (out: string, extra: Partial<BagWriteOptions> = {}): BagWriteOptions => ({
    out,
    bagName: 'evidence-2026-11',
    info: INFO,
    at: AT,
    signingKey: key,
    pending: pendingOutputsOf(workspace),
    ...extra,
  });

  it('writes a bag that verifies line by line, and that sha256sum checks after unzipping', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'pack.zip');
    const summary = await writeBag(samplePayload(rows), options(out));

    assert.equal(fs.statSync(out).mode & 0o777, 0o600);
    assert.equal(summary.bytes, fs.statSync(out).size);
    assert.equal(summary.sha256, fileSha256(out));
    assert.equal(summary.fingerprint, keyFingerprint(key.publicKeyDer));
    assert.equal(summary.payloadFiles, 6);
    assert.deepEqual(fs.readdirSync(dir), ['pack.zip']);

    const entries = await zipEntries(out);
    const inBag = (name: string): Buffer => entries.get(`evidence-2026-11/${name}`)!;
    // Payload in the order given, then the tag files; everything under the bag's one folder.
    assert.deepEqual([...entries.keys()].map((name) => name.replace('evidence-2026-11/', '')), [
      'bagit.txt',
      'data/cases/cases.csv',
      'data/alerts/警报 alerts.csv',
      'data/reports/report.pdf',
      'data/empty.txt',
      'data/audit/audit-slice.json',
      'data/audit/audit-events.jsonl',
      'manifest-sha256.txt',
      'bag-info.txt',
      'tagmanifest-sha256.txt',
      'public-key.pem',
      'signature.ed25519',
    ]);
    assert.equal(inBag('bagit.txt').toString(), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    assert.equal(summary.tagManifestSha256, sha256Hex(inBag('tagmanifest-sha256.txt')));
    assert.equal(inBag('data/cases/cases.csv').toString(), 'case_id,status,subject\n1,closed,"Zoë Müller"\n2,open,王芳\n');
    assert.ok(inBag('data/alerts/警报 alerts.csv').length > 3_000_000);

    // Payload-Oxum: the octets and count of the payload, counted here from the entries themselves.
    const payload = [...entries].filter(([name]) => name.startsWith('evidence-2026-11/data/'));
    const octets = payload.reduce((sum, [, bytes]) => sum + bytes.length, 0);
    assert.equal(summary.payloadBytes, octets);
    const info = parseBagInfo(inBag('bag-info.txt').toString());
    assert.deepEqual(info, [
      { label: 'Source-Organization', value: 'Banque Exemple, Zürich' },
      { label: 'External-Description', value: 'Evidence for 2026-11-01 to 2026-11-30 cases 1, 2' },
      { label: 'Contact-Name', value: 'audrey (auditor)' },
      { label: 'Bagging-Date', value: '2026-12-01' },
      { label: 'Payload-Oxum', value: `${octets}.6` },
      { label: 'Bag-Size', value: `${(octets / 1e6).toFixed(1)} MB` },
      { label: 'Signing-Key-Fingerprint', value: summary.fingerprint },
    ]);
    const manifest = parseManifest(inBag('manifest-sha256.txt').toString(), 'manifest-sha256.txt');
    assert.deepEqual(manifest, payload.map(([name, bytes]) => ({ path: name.replace('evidence-2026-11/', ''), sha256: sha256Hex(bytes) })));

    const result = await verifyBag(out);
    assert.equal(result.ok, true, JSON.stringify(result.checks.filter((line) => !line.ok)));
    assert.ok(result.checks.every((line) => line.ok));
    assert.equal(result.fingerprint, summary.fingerprint);
    assert.ok(result.publicKeyDer?.equals(key.publicKeyDer));
    const checked = new Set(result.checks.map((line) => `${line.check} ${line.file}`));
    for (const [name] of payload) assert.ok(checked.has(`payload-file ${name.replace('evidence-2026-11/', '')}`), name);
    for (const name of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'public-key.pem']) assert.ok(checked.has(`tag-file ${name}`), name);
    for (const line of ['zip null', 'bag-declaration bagit.txt', 'payload-oxum bag-info.txt', 'signature signature.ed25519', 'audit-slice data/audit/audit-events.jsonl']) assert.ok(checked.has(line), line);

    const unzipped = tempDir();
    assert.equal(spawnSync('unzip', ['-q', out, '-d', unzipped]).status, 0);
    const bagDir = path.join(unzipped, 'evidence-2026-11');
    for (const manifestFile of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const run = spawnSync('sha256sum', ['-c', manifestFile], { cwd: bagDir, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stdout + run.stderr);
    }
  });

  it('writes the same bytes twice from the same files, key and clock, with the UTC clock in every entry', async () => {
    const dir = tempDir();
    const first = await writeBag(samplePayload(rows), options(path.join(dir, 'a.zip')));
    const second = await writeBag(samplePayload(rows), options(path.join(dir, 'b.zip')));
    assert.ok(fs.readFileSync(path.join(dir, 'a.zip')).equals(fs.readFileSync(path.join(dir, 'b.zip'))));
    assert.equal(first.sha256, second.sha256);

    const zip = await yauzl.openPromise(path.join(dir, 'a.zip'), { lazyEntries: true });
    for await (const entry of zip.eachEntry()) {
      // 08:30:14 UTC on 2026-12-01 in DOS fields, whatever the machine's zone (seconds in 2 s steps).
      assert.equal(entry.getLastModDate({ timezone: 'UTC', forceDosFormat: true }).toISOString(), '2026-12-01T08:30:14.000Z');
    }
    zip.close();
  });

  it('leaves nothing at the path, and no partial file, when cancelled mid-way; the partial zip is a pending output meanwhile', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'pack.zip');
    const controller = new AbortController();
    let abortedAt: { file: string; filesDone: number } | null = null;
    let pendingThen: { listed: string[]; inFolder: string[] } | undefined;
    await assert.rejects(
      writeBag(samplePayload(rows), {
        ...options(out),
        signal: controller.signal,
        onProgress: (progress) => {
          // Within the multi-MB file, after some of it is already in the zip.
          if (abortedAt === null && progress.file.startsWith('alerts/') && progress.bytes > 1_000_000) {
            abortedAt = { file: progress.file, filesDone: progress.filesDone };
            const listed = JSON.parse(fs.readFileSync(pendingOutputsPathFor(workspace), 'utf8')) as { file: string }[];
            pendingThen = { listed: listed.map((entry) => entry.file), inFolder: fs.readdirSync(dir).filter((name) => name.startsWith('pack.zip.partial-')).map((name) => path.join(dir, name)) };
            controller.abort();
          }
        },
      }),
      { name: 'AbortError' },
    );
    // Only cases.csv was done: the cancel came in the middle of the alerts file.
    assert.deepEqual(abortedAt, { file: 'alerts/警报 alerts.csv', filesDone: 1 });
    assert.equal(pendingThen?.inFolder.length, 1, 'one partial zip while writing');
    assert.deepEqual(pendingThen?.listed, pendingThen?.inFolder, 'and the pending outputs name it');
    assert.deepEqual(fs.readdirSync(dir), [], 'the partial zip does not outlive the cancel');
    assert.ok(!fs.existsSync(pendingOutputsPathFor(workspace)), 'nor does its entry in the list');
  });

  it('removes the partial file when a payload file fails, and rethrows its error', async () => {
    const dir = tempDir();
    const failing: PayloadFile = {
      path: 'cases/cases.csv',
      content: async function* () {
        yield 'case_id\n';
        throw new Error('the database went away');
      },
    };
    await assert.rejects(writeBag([failing], options(path.join(dir, 'pack.zip'))), /the database went away/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('refuses payload paths that could escape the bag or collide, and labels it writes itself', async () => {
    const dir = tempDir();
    const file = (name: string): PayloadFile => ({ path: name, content: async function* () { yield 'x'; } });
    for (const bad of ['/etc/passwd', '../up.csv', 'a/../../b', 'a\\b.csv', 'a//b', 'C:/x', 'line\nbreak']) {
      await assert.rejects(writeBag([file(bad)], options(path.join(dir, 'pack.zip'))), { code: 'VALIDATION' }, bad);
    }
    await assert.rejects(writeBag([file('a.csv'), file('a.csv')], options(path.join(dir, 'pack.zip'))), { code: 'VALIDATION', message: /twice/ });
    await assert.rejects(writeBag([], options(path.join(dir, 'pack.zip'), { info: [['Payload-Oxum', '1.1']] })), { code: 'VALIDATION', message: /Payload-Oxum/ });
    assert.deepEqual(fs.readdirSync(dir), []);
    await assert.rejects(writeBag([], options(path.join(dir, 'no-such-folder', 'pack.zip'))), { code: 'VALIDATION', message: /its folder does not exist/ });
  });
});

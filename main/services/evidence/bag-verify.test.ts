import assert from 'node:assert/strict';
import { sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { BagCheck } from '../../../preload/contract/evidence.ts';
import type { AuditEventRow } from '../../store/audit.ts';
import { flipByte, realAuditRows, samplePayload, sha256Hex, testSigningKey, writeZipEntries, zipEntries } from '../../test-support/evidence-test-bag.ts';
import { tempDir } from '../../test-support/temp-workspace.ts';
import { formatManifest, parseManifest } from './bag-info.ts';
import { pendingOutputsOf } from '../../store/pending-outputs.ts';
import { writeBag } from './bag-writer.ts';
import { verifyBag, type BagVerifyResult } from './bag-verify.ts';

const BAG = 'pack';
const inBag = (name: string): string => `${BAG}/${name}`;

function failures(result: BagVerifyResult): string[] {
  return result.checks.filter((line) => !line.ok).map((line) => `${line.check} ${line.file}`);
}

describe('verifyBag', () => {
  const key = testSigningKey();
  let rows: AuditEventRow[];
  const dir = tempDir();
  let original: Map<string, Buffer>;
  before(async () => {
    rows = realAuditRows();
    await writeBag(samplePayload(rows), { out: path.join(dir, 'pack.zip'), bagName: BAG, info: [['Source-Organization', 'Bank']], at: new Date('2026-12-01T00:00:00Z'), signingKey: key, pending: pendingOutputsOf(path.join(dir, 'desk.rdw')) });
    original = await zipEntries(path.join(dir, 'pack.zip'));
  });

  /** The pack rebuilt with `change` applied to its entries, then verified. */
  async function verifyChanged(name: string, change: (entries: Map<string, Buffer>) => void): Promise<BagVerifyResult> {
    const entries = new Map(original);
    change(entries);
    const file = path.join(dir, `${name.replaceAll('/', '-')}.zip`);
    await writeZipEntries(file, entries);
    return verifyBag(file);
  }

  it('passes the pack as written (rebuilt with another zip writer, so the checks do not depend on the zip bytes)', async () => {
    const result = await verifyChanged('same', () => undefined);
    assert.deepEqual(failures(result), []);
    assert.equal(result.ok, true);
  });

  const flips: Array<{ file: string; expected: Array<[BagCheck, string]> }> = [
    // The payload file's hash no longer matches its manifest line.
    { file: 'data/cases/cases.csv', expected: [['payload-file', 'data/cases/cases.csv']] },
    // The manifest no longer matches the tag manifest (and one of its lines no longer matches its file, or parses).
    { file: 'manifest-sha256.txt', expected: [['tag-file', 'manifest-sha256.txt']] },
    // The tag manifest's bytes are what the signature covers.
    { file: 'tagmanifest-sha256.txt', expected: [['signature', 'signature.ed25519']] },
    { file: 'bag-info.txt', expected: [['tag-file', 'bag-info.txt']] },
    { file: 'signature.ed25519', expected: [['signature', 'signature.ed25519']] },
    // Another key (or none): the tag manifest, the stated fingerprint and the signature all fail on it.
    { file: 'public-key.pem', expected: [['tag-file', 'public-key.pem'], ['signature', 'signature.ed25519']] },
    { file: 'bagit.txt', expected: [['tag-file', 'bagit.txt']] },
  ];
  for (const { file, expected } of flips) {
    it(`names ${file} when one of its bytes is flipped`, async () => {
      const result = await verifyChanged(`flip-${file}`, (entries) => entries.set(inBag(file), flipByte(entries.get(inBag(file))!)));
      assert.equal(result.ok, false);
      const failed = failures(result);
      for (const [check, name] of expected) assert.ok(failed.includes(`${check} ${name}`), `${check} ${name} in ${failed.join('; ')}`);
      // The checks went on after the failure: every other payload file still has its passing line.
      const passingPayload = result.checks.filter((line) => line.ok && line.check === 'payload-file').length;
      if (file !== 'manifest-sha256.txt') assert.equal(passingPayload, file.startsWith('data/') ? 5 : 6);
    });
  }

  it('names the manifest line too when a flipped manifest byte lands in a hash', async () => {
    const manifest = original.get(inBag('manifest-sha256.txt'))!;
    // Byte 0 is the first hex digit of the first line's hash (data/cases/cases.csv's): made another hex digit.
    const changed = Buffer.from(manifest);
    changed[0] = changed[0] === 0x30 ? 0x31 : 0x30;
    const result = await verifyChanged('manifest-hash', (entries) => entries.set(inBag('manifest-sha256.txt'), changed));
    assert.deepEqual(failures(result), ['payload-file data/cases/cases.csv', 'tag-file manifest-sha256.txt']);
  });

  it('reports a removed payload file as missing, and Payload-Oxum', async () => {
    const result = await verifyChanged('removed', (entries) => entries.delete(inBag('data/reports/report.pdf')));
    assert.deepEqual(failures(result), ['missing-file data/reports/report.pdf', 'payload-oxum bag-info.txt']);
  });

  it('reports an added payload file as unlisted, and Payload-Oxum', async () => {
    const result = await verifyChanged('added', (entries) => entries.set(inBag('data/cases/extra.csv'), Buffer.from('a,b\n')));
    assert.deepEqual(failures(result), ['unlisted-file data/cases/extra.csv', 'payload-oxum bag-info.txt']);
  });

  it('reports an added unsigned tag file, a second top-level folder and an unsafe name as zip problems', async () => {
    const entries = new Map(original);
    entries.set(inBag('notes.txt'), Buffer.from('trust me\n'));
    entries.set('other/readme.txt', Buffer.from('x'));
    // No zip writer makes an entry named ../…: one of the same length is renamed in the zip's bytes.
    entries.set('QQ/escape.txt', Buffer.from('x'));
    const file = path.join(dir, 'extras.zip');
    await writeZipEntries(file, entries);
    const bytes = fs.readFileSync(file);
    for (let at = bytes.indexOf('QQ/escape.txt'); at >= 0; at = bytes.indexOf('QQ/escape.txt')) bytes.write('../escape.txt', at);
    fs.writeFileSync(file, bytes);

    const result = await verifyBag(file);
    assert.deepEqual(failures(result), ['zip ../escape.txt', 'zip null', 'unlisted-file notes.txt']);
    assert.match(result.checks.find((line) => line.file === '../escape.txt')!.message, /unsafe entry name/);
    assert.match(result.checks.find((line) => line.check === 'zip' && line.file === null)!.message, /pack, other/);
    // The rest of the bag is still checked in full.
    assert.equal(result.checks.filter((line) => line.ok && line.check === 'payload-file').length, 6);
  });

  it('names a bag-info label that is missing, and a bag-info line that is not "Label: value"', async () => {
    const info = original.get(inBag('bag-info.txt'))!.toString('utf8');
    const withoutSize = await verifyChanged('no-bag-size', (entries) => entries.set(inBag('bag-info.txt'), Buffer.from(info.replace(/^Bag-Size: .*\n/m, ''))));
    assert.deepEqual(failures(withoutSize), ['bag-info bag-info.txt', 'tag-file bag-info.txt']);
    assert.equal(withoutSize.checks.find((line) => line.check === 'bag-info')!.message, 'Bag-Size is missing');
    const malformed = await verifyChanged('bad-bag-info', (entries) => entries.set(inBag('bag-info.txt'), Buffer.from(`${info}no label here\n`)));
    // Five labels (Source-Organization and the writer's four), then the bad line.
    assert.match(malformed.checks.find((line) => line.check === 'bag-info')!.message, /^bag-info\.txt line 6: "no label here"/);
  });

  it('fails the audit slice when its header is missing, and still checks the rest', async () => {
    const result = await verifyChanged('no-slice-header', (entries) => entries.delete(inBag('data/audit/audit-slice.json')));
    assert.deepEqual(failures(result), ['missing-file data/audit/audit-slice.json', 'payload-oxum bag-info.txt', 'audit-slice data/audit/audit-slice.json']);
  });

  /** The slice with event 3's details changed (same length, so Payload-Oxum still holds) and its hashes left as they were. */
  function editedSlice(entries: Map<string, Buffer>): Buffer {
    const lines = entries.get(inBag('data/audit/audit-events.jsonl'))!.toString('utf8').split('\n');
    const event = JSON.parse(lines[1]!) as { seq: number; details: Record<string, unknown> };
    assert.equal(event.seq, 3);
    event.details = { ...event.details, step: 9 };
    lines[1] = JSON.stringify(event);
    return Buffer.from(lines.join('\n'), 'utf8');
  }

  it('fails an audit slice whose event was edited on its own chain, naming the event', async () => {
    const result = await verifyChanged('audit-edited', (entries) => entries.set(inBag('data/audit/audit-events.jsonl'), editedSlice(entries)));
    assert.deepEqual(failures(result), ['payload-file data/audit/audit-events.jsonl', 'audit-slice data/audit/audit-events.jsonl']);
    const slice = result.checks.find((line) => line.check === 'audit-slice')!;
    assert.equal(slice.message, 'event 3: its contents do not match its hash');
  });

  it('fails the signature when a forger without the key rewrites the manifests after editing the slice', async () => {
    const forger = testSigningKey();
    const result = await verifyChanged('audit-forged', (entries) => {
      const slice = editedSlice(entries);
      entries.set(inBag('data/audit/audit-events.jsonl'), slice);
      const manifest = parseManifest(entries.get(inBag('manifest-sha256.txt'))!.toString(), 'manifest-sha256.txt').map((entry) =>
        entry.path === 'data/audit/audit-events.jsonl' ? { ...entry, sha256: sha256Hex(slice) } : entry,
      );
      const manifestText = Buffer.from(formatManifest(manifest));
      entries.set(inBag('manifest-sha256.txt'), manifestText);
      const tagManifest = parseManifest(entries.get(inBag('tagmanifest-sha256.txt'))!.toString(), 'tagmanifest-sha256.txt').map((entry) =>
        entry.path === 'manifest-sha256.txt' ? { ...entry, sha256: sha256Hex(manifestText) } : entry,
      );
      const tagText = Buffer.from(formatManifest(tagManifest));
      entries.set(inBag('tagmanifest-sha256.txt'), tagText);
      // Signed with the forger's own key, the pack's public key left as it is.
      entries.set(inBag('signature.ed25519'), Buffer.from(`${sign(null, tagText, forger.privateKey).toString('base64')}\n`));
    });
    assert.deepEqual(failures(result), ['signature signature.ed25519', 'audit-slice data/audit/audit-events.jsonl']);
  });

  it('reports a file that is not a zip as a zip failure, and refuses a path that does not exist', async () => {
    const notZip = path.join(dir, 'not-a-zip.zip');
    fs.writeFileSync(notZip, 'PK but not really');
    const result = await verifyBag(notZip);
    assert.equal(result.ok, false);
    assert.deepEqual(failures(result), ['zip null']);
    await assert.rejects(verifyBag(path.join(dir, 'nowhere.zip')), { code: 'VALIDATION', message: /nowhere\.zip/ });
  });

  it('reports progress per file and stops with AbortError when cancelled', async () => {
    const seen: number[] = [];
    const result = await verifyBag(path.join(dir, 'pack.zip'), { onProgress: (progress) => seen.push(progress.filesDone) });
    assert.equal(result.ok, true);
    // 12 files in the bag, and the slice's header read once more before the payload.
    assert.deepEqual(seen, Array.from({ length: 13 }, (_, i) => i + 1));
    const controller = new AbortController();
    await assert.rejects(
      verifyBag(path.join(dir, 'pack.zip'), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
      { name: 'AbortError' },
    );
  });
});

// `riskdesk evidence export | verify` and `riskdesk report` in-process, on a real encrypted workspace with the small
// demo portfolio: a pack written by the command line verifies with no workspace at all (exit 0), a pack with one file
// changed fails naming it (exit 1, every line in --json's details), and the report's PDF holds the scope's figures as
// SQL counts them, in English and in Chinese.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BagVerification, EvidenceExport } from '../../../preload/contract/evidence.ts';
import { createTestWorkspace, ROLE_USERS, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { pdfPageTexts } from '../../test-support/poppler.ts';
import { ADMIN_PASSPHRASE, tempDir } from '../../test-support/temp-workspace.ts';
import { unlockWorkspace } from '../../services/workspace-service.ts';
import { runCli } from '../program.ts';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = capturedIo(env);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('riskdesk evidence and riskdesk report', () => {
  const dir = tempDir('riskdesk-evidence-cli-');
  let ws: TestWorkspace;
  const as = (user: { username: string; passphrase: string }) => ({ args: ['--db', ws.file, '--user', user.username], env: { RISKDESK_PASSPHRASE: user.passphrase } });

  before(async () => {
    ws = await createTestWorkspace({ roles: true, demo: true });
  });
  after(() => ws.dispose());

  it('exports a pack as an auditor and verifies it with no workspace; refuses an existing --out and an analyst', async () => {
    const out = path.join(dir, 'pack.zip');
    const auditor = as(ROLE_USERS.auditor);
    const exported = await cli(['evidence', 'export', ...auditor.args, '--from', '2024-12-01', '--to', '2024-12-31', '--out', out, '--json'], auditor.env);
    assert.equal(exported.code, 0, exported.out + exported.err);
    const { export: record, plaintext } = JSON.parse(exported.out) as { export: EvidenceExport; plaintext: boolean };
    assert.equal(plaintext, true, 'the answer says the pack is plaintext');
    assert.equal(fs.statSync(out).size, record.bytes);
    assert.equal(fs.statSync(out).mode & 0o777, 0o600, 'the pack is readable by its owner only');

    const verified = await cli(['evidence', 'verify', out, '--json']);
    assert.equal(verified.code, 0, verified.out + verified.err);
    const verification = (JSON.parse(verified.out) as { verification: BagVerification }).verification;
    assert.equal(verification.ok, true);
    assert.equal(verification.ownWorkspace, null, 'no workspace was opened to check it');
    assert.equal(verification.fingerprint, record.fingerprint);

    const again = await cli(['evidence', 'export', ...auditor.args, '--from', '2024-12-01', '--to', '2024-12-31', '--out', out], auditor.env);
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists/);
    const text = await cli(['evidence', 'export', ...auditor.args, '--from', '2024-12-01', '--to', '2024-12-31', '--out', path.join(dir, 'text.zip')], auditor.env);
    assert.equal(text.code, 0, text.out + text.err);
    assert.match(text.out, /\nNote: .*text\.zip is not encrypted\. Keep it somewhere safe, or delete it when you are done\.\n$/);
    const analyst = as(ROLE_USERS.analyst);
    const refused = await cli(['evidence', 'export', ...analyst.args, '--from', '2024-12-01', '--to', '2024-12-31', '--out', path.join(dir, 'no.zip')], analyst.env);
    assert.equal(refused.code, 1);
    assert.equal(fs.existsSync(path.join(dir, 'no.zip')), false);
  });

  it('fails a pack with a changed file, naming it, with exit 1', async () => {
    const out = path.join(dir, 'pack.zip');
    const unpacked = path.join(dir, 'unpacked');
    assert.equal(spawnSync('unzip', ['-q', out, '-d', unpacked]).status, 0);
    const [bagName] = fs.readdirSync(unpacked);
    const slice = path.join(unpacked, bagName!, 'data/audit/audit-slice.json');
    fs.writeFileSync(slice, fs.readFileSync(slice, 'utf8').replace('"events"', '"events" '));
    const tampered = path.join(dir, 'tampered.zip');
    assert.equal(spawnSync('zip', ['-q', '-r', tampered, bagName!], { cwd: unpacked }).status, 0);

    const text = await cli(['evidence', 'verify', tampered]);
    assert.equal(text.code, 1);
    assert.match(text.out, /FAIL\s+payload-file\s+.*data\/audit\/audit-slice\.json/);
    const json = await cli(['evidence', 'verify', tampered, '--json']);
    assert.equal(json.code, 1);
    const failure = JSON.parse(json.out) as { ok: false; error: { code: string; details: BagVerification } };
    assert.equal(failure.error.code, 'EVIDENCE_INVALID');
    assert.deepEqual(
      failure.error.details.checks.filter((c) => !c.ok).map((c) => [c.check, c.file]),
      // One byte longer: its hash and the payload's octet count both fail.
      [
        ['payload-file', 'data/audit/audit-slice.json'],
        ['payload-oxum', 'bag-info.txt'],
      ],
    );
    const missing = await cli(['evidence', 'verify', path.join(dir, 'nothing.zip')]);
    assert.equal(missing.code, 2);
  });

  it('writes the report of a month as a PDF whose text holds the figures SQL counts, in English and in Chinese', async () => {
    // Independent of the report's queries: the demo's latest month of originations, and how many loans it originated.
    const workspace = await unlockWorkspace({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    let month: string;
    let originated: number;
    try {
      ({ month, originated } = workspace.db
        .prepare(`SELECT substr(origination_date, 1, 7) AS month, count(*) AS originated FROM loans GROUP BY month ORDER BY month DESC LIMIT 1`)
        .get() as { month: string; originated: number });
    } finally {
      workspace.close();
    }
    const analyst = as(ROLE_USERS.analyst);
    for (const [lang, heading, label] of [['en', 'Risk report', 'Loans originated in the period'], ['zh-CN', '风险报告', '本期发放贷款笔数']] as const) {
      const out = path.join(dir, `report-${lang}.pdf`);
      // As text in English, --json in Chinese: each says that the PDF is plaintext.
      const written = await cli(['report', ...analyst.args, '--period', month, '--lang', lang, '--out', out, ...(lang === 'en' ? [] : ['--json'])], analyst.env);
      assert.equal(written.code, 0, written.out + written.err);
      if (lang === 'en') assert.match(written.out, /\nNote: .*report-en\.pdf is not encrypted\. Keep it somewhere safe, or delete it when you are done\.\n$/);
      else assert.equal((JSON.parse(written.out) as { plaintext: boolean }).plaintext, true);
      assert.equal(fs.statSync(out).mode & 0o777, 0o600);
      const pages = pdfPageTexts(out);
      const text = pages.join('\n');
      assert.ok(text.includes(heading), `${lang}: ${heading}`);
      const row = text.split('\n').find((line) => line.includes(label));
      assert.ok(row, `${lang}: the originations row`);
      assert.match(row, new RegExp(`${originated.toLocaleString('en-US').replace(',', '[,，]?')}\\s*$`), `${lang}: ${row}`);
      // No credit, fraud or liquidity run and no case exists yet: each section says so instead of printing zeros.
      assert.equal(text.match(lang === 'en' ? /No data for this period yet/g : /本期暂无数据/g)?.length, 4, `${lang}: four sections without data`);
    }
    const period = await cli(['report', ...analyst.args, '--period', '2024-13', '--out', path.join(dir, 'bad.pdf')], analyst.env);
    assert.equal(period.code, 2);
    assert.match(period.err, /--period/);
  });
});

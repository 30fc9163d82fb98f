// End-to-end tests of the `riskdesk` command: each case runs bin/riskdesk.mjs in a child process against a
// workspace in a temp folder, the way a user or a script would. Every child that unlocks pays for scrypt,
// so the cases share one workspace and run in order.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import Database from 'better-sqlite3-multiple-ciphers';
import { Workspace } from '../main/store/workspace.ts';
import { ADMIN_PASSPHRASE, fileSha256, tempDir } from '../main/test-support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../bin/riskdesk.mjs', import.meta.url));
const ANALYST_PASSPHRASE = 'analyst passphrase 2026';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function riskdesk(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', RISKDESK_PASSPHRASE: ADMIN_PASSPHRASE, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The single JSON object a --json run prints on stdout. */
function json(run: Run): Record<string, unknown> {
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 1, `expected one line of JSON on stdout, got:\n${run.stdout}\nstderr:\n${run.stderr}`);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

/** What `strings` shows: runs of at least 4 printable ASCII bytes. */
function printableRuns(file: string): string[] {
  return fs.readFileSync(file).toString('latin1').match(/[\x20-\x7e]{4,}/g) ?? [];
}

function expectExit(run: Run, code: number): void {
  assert.equal(run.code, code, `exit ${run.code}, expected ${code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}

const dir = tempDir('riskdesk-cli-');
const db = path.join(dir, 'risk.rdw');

describe('riskdesk CLI', () => {
  before(async () => {
    const run = await riskdesk(['init', '--db', db, '--json']);
    expectExit(run, 0);
    assert.deepEqual({ ...json(run), workspaceId: '?' }, { ok: true, workspace: db, keyring: `${db}.keyring`, workspaceId: '?', admin: 'admin' });
  });

  it('--help exits 0 and lists every command; each command has its own help with examples', async () => {
    const [top, user, importHelp] = await Promise.all([riskdesk(['--help']), riskdesk(['user', '--help']), riskdesk(['import', '--help'])]);
    expectExit(top, 0);
    for (const command of ['init', 'user', 'import', 'demo', 'audit', 'backup', 'restore']) assert.match(top.stdout, new RegExp(`^  ${command}\\b`, 'm'));
    expectExit(user, 0);
    for (const command of ['add', 'list', 'passwd', 'remove']) assert.match(user.stdout, new RegExp(`^  ${command}\\b`, 'm'));
    expectExit(importHelp, 0);
    assert.match(importHelp.stdout, /--kind <kind>/);
    assert.match(importHelp.stdout, /--encoding <encoding>[^]*"gbk"[^]*--encoding gbk/);
    assert.match(importHelp.stdout, /Examples:\n {2}\$ riskdesk import --db/);
  });

  it('exits 2 with a one-line message for usage errors', async () => {
    const runs = await Promise.all([
      riskdesk(['frobnicate']),
      riskdesk(['user', 'list']),
      riskdesk(['import', '--db', db, '--kind', 'widgets', 'x.csv']),
      riskdesk(['demo', '--db', db, '--scale', 'huge']),
      riskdesk(['audit', 'verify', '--db', db], { RISKDESK_PASSPHRASE: '' }),
      riskdesk(['user', 'list', '--json']),
    ]);
    const [unknown, noDb, badKind, badScale, noPassphrase, jsonUsage] = runs;
    for (const run of runs) expectExit(run, 2);
    for (const run of runs.slice(0, 5)) {
      assert.equal(run.stdout, '');
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /\bat .*\.ts:\d+/, 'no stack trace');
    }
    assert.match(unknown?.stderr ?? '', /^riskdesk: unknown command 'frobnicate'/);
    assert.match(noDb?.stderr ?? '', /^riskdesk: required option '--db <file>' not specified \(see 'riskdesk user list --help'\)/);
    assert.match(badKind?.stderr ?? '', /'widgets' is invalid\. Allowed choices are borrowers, loans,/);
    assert.match(badScale?.stderr ?? '', /'huge' is invalid\. Allowed choices are small, medium, large/);
    assert.match(noPassphrase?.stderr ?? '', /--passphrase-file FILE or set RISKDESK_PASSPHRASE/);
    assert.deepEqual(json(jsonUsage ?? { code: 0, stdout: '', stderr: '' }).error, {
      code: 'USAGE',
      message: "required option '--db <file>' not specified",
    });
  });

  it('adds, lists, re-keys and removes a user, with --json output', async () => {
    const added = await riskdesk(['user', 'add', '--db', db, '--name', 'ana', '--role', 'analyst', '--json'], { RISKDESK_NEW_PASSPHRASE: ANALYST_PASSPHRASE });
    expectExit(added, 0);
    assert.deepEqual(json(added), { ok: true, user: { username: 'ana', role: 'analyst', created_at: (json(added).user as { created_at: string }).created_at, created_by: 'admin' } });

    const listed = await riskdesk(['user', 'list', '--db', db, '--json']);
    expectExit(listed, 0);
    assert.deepEqual(
      (json(listed).users as { username: string; role: string }[]).map((u) => [u.username, u.role]),
      [['admin', 'admin'], ['ana', 'analyst']],
    );

    // Ana changes her own passphrase (the one she unlocks with comes from a file), then unlocks with the new one.
    const passphraseFile = path.join(dir, 'ana.pass');
    fs.writeFileSync(passphraseFile, `${ANALYST_PASSPHRASE}\n`, { mode: 0o600 });
    const changed = await riskdesk(['user', 'passwd', '--db', db, '--user', 'ana', '--passphrase-file', passphraseFile, '--json'], {
      RISKDESK_PASSPHRASE: 'not used: the file wins',
      RISKDESK_NEW_PASSPHRASE: 'ana has a new passphrase',
    });
    expectExit(changed, 0);
    assert.deepEqual(json(changed), { ok: true, user: 'ana' });
    assert.doesNotMatch(changed.stderr, /warning/);
    const asAna = await riskdesk(['audit', 'verify', '--db', db, '--user', 'ana', '--json'], { RISKDESK_PASSPHRASE: 'ana has a new passphrase' });
    expectExit(asAna, 0);
    assert.equal((json(asAna).audit as { intact: boolean }).intact, true);

    const saltBefore = (JSON.parse(fs.readFileSync(`${db}.keyring`, 'utf8')) as { dbSalt: string }).dbSalt;
    const removed = await riskdesk(['user', 'remove', '--db', db, '--name', 'ana', '--rekey', '--json']);
    expectExit(removed, 0);
    assert.deepEqual(json(removed), { ok: true, removed: 'ana', rekeyed: true });
    const keyring = JSON.parse(fs.readFileSync(`${db}.keyring`, 'utf8')) as { dbSalt: string; entries: { username: string }[] };
    assert.deepEqual(keyring.entries.map((e) => e.username), ['admin']);
    assert.notEqual(keyring.dbSalt, saltBefore, 're-encrypted: a new salt');
    const afterRekey = await riskdesk(['audit', 'verify', '--db', db, '--json']);
    expectExit(afterRekey, 0);
    assert.equal((json(afterRekey).audit as { intact: boolean }).intact, true);

    const rekeyed = await riskdesk(['user', 'rekey', '--db', db]);
    expectExit(rekeyed, 0);
    assert.match(rekeyed.stdout, /^Re-keyed the workspace: a new random key, sealed to admin\./);
  });

  it('refuses a wrong passphrase with exit 1 and leaves both files byte for byte as they were', async () => {
    const before = [fileSha256(db), fileSha256(`${db}.keyring`)];
    const run = await riskdesk(['user', 'list', '--db', db], { RISKDESK_PASSPHRASE: 'not the passphrase at all' });
    expectExit(run, 1);
    assert.match(run.stderr, /^riskdesk: Wrong passphrase for admin/);
    assert.doesNotMatch(run.stderr + run.stdout, /not the passphrase at all/);
    assert.deepEqual([fileSha256(db), fileSha256(`${db}.keyring`)], before);
  });

  it('imports a valid CSV, and rejects a bad one listing file, row, column, value and reason', async () => {
    const good = path.join(dir, 'borrowers.csv');
    fs.writeFileSync(good, 'borrower_id,region,annual_income\nB-1,east,120000.00\nB-2,west,98000.50\n');
    const imported = await riskdesk(['import', '--db', db, '--kind', 'borrowers', good, '--json']);
    expectExit(imported, 0);
    assert.deepEqual({ ...(json(imported).import as object), sha256: '?' }, { kind: 'borrowers', file: good, rows: 2, bytes: fs.statSync(good).size, sha256: '?', warnings: { total: 0, first: [] }, written: true });

    const bad = path.join(dir, 'loans.csv');
    fs.writeFileSync(bad, 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months\nL-1,B-1,consumer_cash_loan,2025-01-15,5000.00,0.12,12\nL-2,B-1,consumer_cash_loan,2025-01-15,lots,0.12,12\n');
    const rejected = await riskdesk(['import', '--db', db, '--kind', 'loans', bad]);
    expectExit(rejected, 1);
    assert.equal(rejected.stdout, '');
    assert.match(rejected.stderr, /^riskdesk: .*loans\.csv was not imported/);
    assert.match(rejected.stderr, /^ {2}\S*loans\.csv:3 {2}principal {2}"lots" — /m);
    const rejectedJson = json(await riskdesk(['import', '--db', db, '--kind', 'loans', bad, '--json']));
    const error = rejectedJson.error as { code: string; details: { problems: { row: number; column: string }[]; totalProblems: number } };
    assert.equal(rejectedJson.ok, false);
    assert.equal(error.code, 'IMPORT_REJECTED');
    assert.deepEqual(error.details.problems.map((p) => [p.row, p.column]), [[3, 'principal']]);

    // An unusual value is imported, and listed under the summary like a rejected one.
    const unusual = path.join(dir, 'unusual-loans.csv');
    fs.writeFileSync(unusual, 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months\nL-3,B-1,consumer_cash_loan,2025-01-15,5000.00,0.48,12\n');
    // --check prints the same before anything is written: the rows, the unusual values, and a bad file's problems (exit 1).
    const checked = await riskdesk(['import', '--db', db, '--kind', 'loans', unusual, '--check']);
    expectExit(checked, 0);
    assert.match(checked.stdout, /^Checked 1 loans rows from .*: they can be imported; nothing was written\.\n1 value is unusual; check them:\n {2}\S*unusual-loans\.csv:2 {2}interest_rate {2}"0\.48" — is more than 0\.36 /m);
    assert.equal((json(await riskdesk(['import', '--db', db, '--kind', 'loans', unusual, '--check', '--json'])).import as { written: boolean }).written, false);
    const checkedBad = await riskdesk(['import', '--db', db, '--kind', 'loans', bad, '--check']);
    expectExit(checkedBad, 1);
    assert.match(checkedBad.stderr, /^riskdesk: .*loans\.csv cannot be imported \(checked; nothing was written\)/);
    assert.match(checkedBad.stderr, /^ {2}\S*loans\.csv:3 {2}principal {2}"lots" — /m);
    const workspace = await Workspace.open({ path: db, passphrase: ADMIN_PASSPHRASE });
    try {
      assert.equal(workspace.db.prepare('SELECT count(*) FROM loans').pluck().get(), 0, 'no loan was written by the checks');
      assert.equal(workspace.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'data.import' AND subject = 'loans'").pluck().get(), 0);
    } finally {
      workspace.close();
    }
    const warned = await riskdesk(['import', '--db', db, '--kind', 'loans', unusual]);
    expectExit(warned, 0);
    assert.match(warned.stdout, /^Imported 1 loans rows from .*\n1 value is unusual; check them:\n {2}\S*unusual-loans\.csv:2 {2}interest_rate {2}"0\.48" — is more than 0\.36 /m);
  });

  it('backs up, restores to a new path, and the restored workspace opens', async () => {
    const backup = path.join(dir, 'backup.rdw');
    const restored = path.join(dir, 'restored.rdw');
    const backedUp = await riskdesk(['backup', '--db', db, '--to', backup, '--json']);
    expectExit(backedUp, 0);
    assert.equal((json(backedUp).backup as { sha256: string }).sha256, fileSha256(backup));
    const restoredRun = await riskdesk(['restore', '--from', backup, '--db', restored, '--json']);
    expectExit(restoredRun, 0);
    assert.deepEqual(json(restoredRun), { ok: true, restored: { path: restored, restoredFrom: backup, sha256: fileSha256(backup) } });

    // The anchor the backup printed holds in the restored workspace and in the source; a made-up one does not.
    const { seq, hash } = (json(backedUp).backup as { auditHead: { seq: number; hash: string } }).auditHead;
    for (const workspaceFile of [db, restored]) expectExit(await riskdesk(['audit', 'verify', '--db', workspaceFile, '--anchor', `${seq}:${hash}`]), 0);
    const wrong = await riskdesk(['audit', 'verify', '--db', restored, '--anchor', `${seq}:${'0'.repeat(64)}`, '--json']);
    expectExit(wrong, 1);
    assert.equal((json(wrong).error as { details: { firstBadSeq: number } }).details.firstBadSeq, seq);
    const beyond = await riskdesk(['audit', 'verify', '--db', restored, '--anchor', `${seq + 1000}:${hash}`]);
    expectExit(beyond, 1);
    assert.match(beyond.stderr, /missing/);
    expectExit(await riskdesk(['audit', 'verify', '--db', restored, '--anchor', 'not-an-anchor']), 2);
    const workspace = await Workspace.open({ path: restored, passphrase: ADMIN_PASSPHRASE });
    try {
      const borrowers = workspace.db.prepare('SELECT borrower_id FROM borrowers ORDER BY borrower_id').pluck().all();
      assert.deepEqual(borrowers, ['B-1', 'B-2']);
    } finally {
      workspace.close();
    }
  });

  it('restore refuses an empty, truncated or foreign backup or a wrong keyring with exit 1, naming the backup, leaving --db alone', async () => {
    const good = path.join(dir, 'good-backup.rdw');
    const other = path.join(dir, 'other.rdw');
    const [backedUp, created] = await Promise.all([riskdesk(['backup', '--db', db, '--to', good]), riskdesk(['init', '--db', other])]);
    expectExit(backedUp, 0);
    expectExit(created, 0);
    const bytes = fs.readFileSync(good);
    const badBackups = [
      { name: 'half.rdw', content: bytes.subarray(0, Math.floor(bytes.length / 2)), code: 'WORKSPACE_DAMAGED' },
      { name: 'empty.rdw', content: Buffer.alloc(0), code: 'NOT_A_WORKSPACE' },
      { name: 'notes.rdw', content: 'Backups are on the NAS.\n'.repeat(50), code: 'KEYRING_MISMATCH' },
      { name: 'wrong-keyring.rdw', content: bytes, keyring: `${other}.keyring`, code: 'KEYRING_MISMATCH' },
    ];
    const before = [fileSha256(db), fileSha256(`${db}.keyring`)];
    // One at a time: each restore stages its copy beside --db under the same name.
    for (const bad of badBackups) {
      const from = path.join(dir, bad.name);
      fs.writeFileSync(from, bad.content);
      fs.copyFileSync(bad.keyring ?? `${good}.keyring`, `${from}.keyring`);
      const run = await riskdesk(['restore', '--from', from, '--db', db, '--force']);
      expectExit(run, 1);
      assert.equal(run.stdout, '');
      assert.ok(run.stderr.startsWith(`riskdesk: `) && run.stderr.includes(from), `${bad.name}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /\.restoring|unexpected error/);
      const error = json(await riskdesk(['restore', '--from', from, '--db', db, '--force', '--json'])).error as { code: string; message: string };
      assert.equal(error.code, bad.code, `${bad.name}: ${error.message}`);
    }
    assert.deepEqual([fileSha256(db), fileSha256(`${db}.keyring`)], before, 'the workspace at --db is untouched');
    assert.ok(!fs.readdirSync(dir).some((file) => file.includes('.restoring')), 'no staging files left');
  });

  it('audit verify fails with exit 1 and names the event after a row is tampered with outside RiskDesk', async () => {
    const copy = path.join(dir, 'tampered.rdw');
    expectExit(await riskdesk(['backup', '--db', db, '--to', copy]), 0);
    const workspace = await Workspace.open({ path: copy, passphrase: ADMIN_PASSPHRASE });
    const key = Buffer.from(workspace.readerSpec().key);
    workspace.close();
    // A SQLCipher client with the key, not RiskDesk's own code: what an insider with the key could do.
    const raw = new Database(copy);
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${key.toString('hex')}'"`);
    raw.exec(`DROP TRIGGER audit_events_no_update; UPDATE audit_events SET details='{}' WHERE seq=2`);
    raw.close();

    const run = await riskdesk(['audit', 'verify', '--db', copy]);
    expectExit(run, 1);
    assert.match(run.stderr, /^riskdesk: The audit trail is broken at event seq 2: /);
    const asJson = json(await riskdesk(['audit', 'verify', '--db', copy, '--json']));
    assert.deepEqual(asJson.error, {
      code: 'AUDIT_CHAIN_BROKEN',
      message: (asJson.error as { message: string }).message,
      details: { events: 1, firstBadSeq: 2, reason: 'its contents do not match its hash' },
    });
  });

  it('demo --scale small fills a workspace that audit verify passes and that shows no plaintext on disk', async () => {
    const demo = path.join(dir, 'demo.rdw');
    expectExit(await riskdesk(['init', '--db', demo]), 0);
    const generated = await riskdesk(['demo', '--db', demo, '--scale', 'small', '--seed', '7', '--json']);
    expectExit(generated, 0);
    const summary = json(generated).demo as { scale: string; seed: number; counts: Record<string, number> };
    assert.equal(summary.scale, 'small');
    assert.equal(summary.seed, 7);
    assert.ok((summary.counts.loans ?? 0) > 1000 && (summary.counts.transactions ?? 0) > 10_000, JSON.stringify(summary.counts));

    const verified = await riskdesk(['audit', 'verify', '--db', demo]);
    expectExit(verified, 0);
    assert.match(verified.stdout, /^Audit trail intact: \d+ events, head [0-9a-f]{64}\.$/m);
    assert.equal(verified.stderr, '', 'no progress bar when stderr is not a terminal');

    const workspace = await Workspace.open({ path: demo, passphrase: ADMIN_PASSPHRASE });
    const secrets = new Set<string>();
    try {
      for (const sql of [
        'SELECT borrower_id, region FROM borrowers ORDER BY 1 LIMIT 25',
        'SELECT loan_id, product FROM loans ORDER BY 1 LIMIT 25',
      ]) {
        for (const row of workspace.db.prepare(sql).raw().all() as string[][]) for (const value of row) secrets.add(value);
      }
    } finally {
      workspace.close();
    }
    const runs = [demo, `${demo}-wal`].filter((file) => fs.existsSync(file)).flatMap(printableRuns);
    assert.ok(!runs.some((run) => run.includes('SQLite format 3')), 'the SQLite header is encrypted');
    const leaked = [...secrets].filter((secret) => secret.length >= 4 && runs.some((run) => run.includes(secret)));
    assert.deepEqual(leaked, []);
    assert.ok(secrets.size > 20, 'the scan looked for real values');
  });

  it('imports a GBK file with --encoding gbk; without it, refuses it saying it looks like GBK and how to import it', async () => {
    // 杭州 and 北京 in GBK, written out by hand.
    const gbk = path.join(dir, 'borrowers-gbk.csv');
    fs.writeFileSync(gbk, Buffer.concat([Buffer.from('borrower_id,region,annual_income\nG-1,'), Buffer.from('babcd6dd', 'hex'), Buffer.from(',1\nG-2,'), Buffer.from('b1b1bea9', 'hex'), Buffer.from(',2\n')]));
    const refused = await riskdesk(['import', '--db', db, '--kind', 'borrowers', gbk]);
    expectExit(refused, 1);
    assert.match(refused.stderr, /borrowers-gbk\.csv:2 {2}region {2}"\uFFFD+" — is not valid UTF-8 text; the file looks like GBK \(simplified Chinese\): import it with the encoding gbk \(riskdesk import --encoding gbk\)/);
    const imported = await riskdesk(['import', '--db', db, '--kind', 'borrowers', '--encoding', 'gbk', gbk, '--json']);
    expectExit(imported, 0);
    assert.equal((json(imported).import as { rows: number }).rows, 2);
    const workspace = await Workspace.open({ path: db, passphrase: ADMIN_PASSPHRASE });
    try {
      assert.deepEqual(workspace.db.prepare("SELECT region FROM borrowers WHERE borrower_id LIKE 'G-%' ORDER BY borrower_id").pluck().all(), ['杭州', '北京']);
    } finally {
      workspace.close();
    }
  });
});

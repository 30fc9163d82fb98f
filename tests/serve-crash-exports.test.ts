// Issue 8, item 2: plaintext exports of a `riskdesk serve` killed with -9 must not outlive it. Each server
// here is a real child process; exports are made through its HTTP API as the page would make them.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { ApiOutcome, Job } from '../preload/contract/index.ts';
import { seedSmallPortfolio } from '../main/test-support/api-test-workspace.ts';
import { temporaryRootFor } from '../main/services/session-folder.ts';
import { Workspace } from '../main/store/workspace.ts';
import { postApi } from '../main/test-support/host-client.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, tempDir } from '../main/test-support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../bin/riskdesk.mjs', import.meta.url));
const dir = tempDir('riskdesk-serve-crash-');
const db = path.join(dir, 'risk.rdw');
const temporaryRoot = temporaryRootFor(db);

interface Server {
  readonly child: ChildProcessWithoutNullStreams;
  readonly port: number;
  readonly token: string;
  readonly exited: Promise<void>;
}

function serve(): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--no-open', '--json', '--files', dir], { env: { PATH: process.env.PATH ?? '' } });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line || !stdout.includes('\n')) return;
      const { url, port } = JSON.parse(line) as { url: string; port: number };
      resolve({ child, port, token: new URL(url).hash.replace('#token=', ''), exited });
    });
    void exited.then(() => reject(new Error(`serve exited early\n${stdout}\n${stderr}`)));
  });
}

async function call<T>(server: Server, method: string, args: unknown = {}): Promise<T> {
  const { outcome } = await postApi(server.port, server.token, method, JSON.stringify({ args }));
  const result = outcome as ApiOutcome<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.result;
}

/** Unlocks, exports the loan book and waits until the job is done; returns the export file's path. */
async function exportThrough(server: Server): Promise<string> {
  await call(server, 'session.unlock', { passphrase: ADMIN_PASSPHRASE });
  const { jobId } = await call<{ jobId: string }>(server, 'portfolio.exportLoans', { filterModel: {}, sortModel: [] });
  for (;;) {
    const job = (await call<Job[]>(server, 'jobs.list')).find((j) => j.jobId === jobId);
    if (job?.state === 'done') break;
    assert.ok(job?.state === 'running', `export job ${job?.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Not read through jobs.readExport: the page's last read removes the file, and this one must stay for the kill.
  const file = exportFiles().find((f) => path.basename(f).endsWith(`-${jobId.slice(0, 8)}.csv`));
  assert.ok(file, `the export of job ${jobId} is under ${temporaryRoot}`);
  return file;
}

function exportFiles(): string[] {
  if (!fs.existsSync(temporaryRoot)) return [];
  return (fs.readdirSync(temporaryRoot, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function kill9(server: Server): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

describe('exports of a killed riskdesk serve', () => {
  before(async () => {
    const workspace = await Workspace.create({ path: db, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
    workspace.db.transaction(() => seedSmallPortfolio(workspace.db))();
    workspace.close();
  });

  it('are kept while their server runs, and removed at the next unlock or start after a kill -9', async () => {
    const first = await serve();
    const firstExport = await exportThrough(first);
    assert.equal(fs.statSync(firstExport).mode & 0o777, 0o600);
    assert.ok(fs.readFileSync(firstExport, 'utf8').includes('L01,B1,north'), 'the export holds the loan book in plaintext');

    // A second server on the same workspace starts while the first still runs: the first one's export stays.
    const second = await serve();
    assert.ok(fs.existsSync(firstExport), 'a running server keeps its exports');
    await kill9(first);
    assert.ok(fs.existsSync(firstExport), 'kill -9 leaves the plaintext behind');
    await call(second, 'session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.ok(!fs.existsSync(firstExport), 'the next unlock removed the dead server’s export');

    const secondExport = await exportThrough(second);
    await kill9(second);
    assert.ok(fs.existsSync(secondExport));
    const third = await serve();
    try {
      assert.ok(!fs.existsSync(secondExport), 'the next start removed it before anyone unlocked');
      assert.deepEqual(exportFiles(), []);
    } finally {
      third.child.kill('SIGTERM');
      await third.exited;
    }
    assert.deepEqual(fs.readdirSync(temporaryRoot), [], 'no session folder is left either');
  });
});

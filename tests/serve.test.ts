// `riskdesk serve` in a child process, the way a user starts it: it prints the URL, serves the page and the
// API to that URL's token only, does not unlock by itself, and ends with exit 0 on Ctrl-C (SIGINT), SIGTERM or SIGHUP.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { createWorkspace } from '../main/services/workspace-service.ts';
import { HostSocket } from '../main/test-support/host-client.ts';
import { ADMIN_PASSPHRASE, tempDir } from '../main/test-support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../bin/riskdesk.mjs', import.meta.url));
const RENDERER_INDEX = fileURLToPath(new URL('../dist/renderer/index.html', import.meta.url));

const dir = tempDir('riskdesk-serve-');
const db = path.join(dir, 'risk.rdw');
const home = path.join(dir, 'RiskDesk');

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: URL;
  readonly token: string;
  readonly stdoutLines: string[];
  /** Resolves with the exit code and everything written to stderr. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts `riskdesk serve` and waits for the URL on stdout. */
function serve(args: string[]): Promise<Served> {
  // RISKDESK_HOME: the folder the page may name files in defaults to the RiskDesk folder, which is not the tests' to make.
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { PATH: process.env.PATH ?? '', RISKDESK_HOME: home } });
  let stderr = '';
  let stdout = '';
  const stdoutLines: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL within 60 s\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      // Complete lines only; the URL is a line of its own, or inside the one JSON line with --json.
      stdoutLines.splice(0, stdoutLines.length, ...stdout.split('\n').slice(0, -1));
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=([A-Za-z0-9_-]{43}))/.exec(stdoutLines.join('\n'));
      const complete = stdoutLines.some((line) => line.startsWith('{') || /Ctrl-C/.test(line));
      if (match?.[1] && match[2] && complete) {
        clearTimeout(timer);
        resolve({ child, url: new URL(match[1]), token: match[2], stdoutLines, exited });
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`riskdesk serve exited (${code}) before printing a URL\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    });
  });
}

function riskdesk(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('riskdesk serve', () => {
  before(async () => {
    (await createWorkspace({ path: db, username: 'admin', passphrase: ADMIN_PASSPHRASE })).close();
  });

  it('prints the URL, serves / and the API, stays locked until the page unlocks, and exits 0 on SIGINT', async () => {
    const served = await serve(['--db', db, '--port', '0', '--no-open']);
    try {
      assert.equal(served.stdoutLines[0], served.url.href);
      assert.match(served.stdoutLines[1] ?? '', /stays up until Ctrl-C/);

      const page = await fetch(new URL('/', served.url));
      if (fs.existsSync(RENDERER_INDEX)) {
        assert.equal(page.status, 200);
        assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      } else {
        assert.equal(page.status, 503);
        assert.match(await page.text(), /the renderer is not built: run npm run build/);
      }
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);

      const port = Number(served.url.port);
      const refused = await fetch(new URL('/api/session.status', served.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"args":{}}' });
      assert.equal(refused.status, 401);

      const status = await fetch(new URL('/api/session.status', served.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
        body: '{"args":{}}',
      });
      assert.equal(status.status, 200);
      const outcome = (await status.json()) as { ok: boolean; result: { state: string } };
      assert.deepEqual([outcome.ok, outcome.result.state], [true, 'locked'], 'serve does not unlock by itself');

      const socket = await HostSocket.open(port, { token: served.token });
      const unlocked = await socket.call('session.unlock', { passphrase: ADMIN_PASSPHRASE });
      assert.ok(unlocked.ok, JSON.stringify(unlocked));
      assert.equal((unlocked.result as { workspace: { path: string } }).workspace.path, db);
      await socket.close();
    } finally {
      served.child.kill('SIGINT');
    }
    const { code, signal, stderr } = await served.exited;
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, stderr);
    assert.match(stderr, /stopped; the workspace is locked/);
  });

  it('labels the workspace as the demo only with --demo', async () => {
    const recentDemoFlags = async (args: string[]): Promise<boolean[]> => {
      const served = await serve(['--db', db, '--no-open', ...args]);
      try {
        const response = await fetch(new URL('/api/session.recentWorkspaces', served.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
          body: '{"args":{}}',
        });
        const outcome = (await response.json()) as { result: { demo: boolean }[] };
        return outcome.result.map((w) => w.demo);
      } finally {
        served.child.kill('SIGTERM');
        await served.exited;
      }
    };
    assert.deepEqual(await recentDemoFlags([]), [false]);
    assert.deepEqual(await recentDemoFlags(['--demo']), [true]);
  });

  it('exits 0 on SIGTERM too, and prints one JSON line with --json', async () => {
    const served = await serve(['--db', db, '--no-open', '--json', '--user', 'admin']);
    assert.equal(served.url.hash, `#token=${served.token}`);
    served.child.kill('SIGTERM');
    const { code } = await served.exited;
    assert.equal(code, 0);
    assert.equal(served.stdoutLines.length, 1);
    const printed = JSON.parse(served.stdoutLines[0] ?? '') as Record<string, unknown>;
    assert.deepEqual(printed, { ok: true, url: `${served.url.href}&user=admin`, port: Number(served.url.port), workspace: db, files: home });
  });

  it('exits 0 on SIGHUP (its terminal closed), having locked the workspace', async () => {
    const served = await serve(['--db', db, '--no-open']);
    served.child.kill('SIGHUP');
    const { code, signal, stderr } = await served.exited;
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, stderr);
    assert.match(stderr, /stopped; the workspace is locked/);
  });

  it('fails clearly when the workspace is missing (1) or an option is wrong (2)', async () => {
    const wrongOptions = [['--port', '70000'], ['--port', 'x'], ['--user', 'no such user!']];
    const [missing, ...usage] = await Promise.all([
      riskdesk(['serve', '--db', path.join(dir, 'nope.rdw'), '--no-open']),
      ...wrongOptions.map((args) => riskdesk(['serve', '--db', db, '--no-open', ...args])),
    ]);
    assert.equal(missing?.code, 1);
    assert.match(missing?.stderr ?? '', /no workspace at .*nope\.rdw: create one with 'riskdesk init/);
    assert.equal(missing?.stdout, '');
    usage.forEach((run, i) => assert.equal(run.code, 2, `${wrongOptions[i]?.join(' ')}: ${run.stderr}`));
  });

  it('fails clearly (1) when the port is taken', async () => {
    const first = await serve(['--db', db, '--no-open']);
    try {
      const second = await riskdesk(['serve', '--db', db, '--no-open', '--port', first.url.port]);
      assert.equal(second.code, 1);
      assert.match(second.stderr, new RegExp(`port ${first.url.port} on 127\\.0\\.0\\.1 is in use`));
    } finally {
      first.child.kill('SIGINT');
      await first.exited;
    }
  });
});

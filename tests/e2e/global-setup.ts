// Playwright global setup: a fresh encrypted workspace with the small demo portfolio, an admin, an auditor, an
// analyst and a compliance user, the built renderer, and `riskdesk serve` on a free port. Its URL (with the
// per-launch token) reaches the tests through the environment; the function returned here is the global teardown.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ADMIN, ANALYST, AUDITOR, COMPLIANCE, HOST_ENV, setWorkspacePath } from './e2e-env.ts';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Node 22 from the node@22 package: the system Node may be older than RiskDesk needs. */
const node = path.join(repoRoot, 'node_modules', '.bin', 'node');
const riskdesk = path.join(repoRoot, 'bin', 'riskdesk.mjs');
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+/;

async function cli(args: string[], env: Record<string, string>): Promise<void> {
  await run(node, [riskdesk, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, timeout: 120_000 });
}

/** The newest modification time of a file or of any file under a folder. */
function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** `npm test` builds first; a bare `npx playwright test` builds the renderer here when it is missing or stale. */
async function ensureRendererBuilt(): Promise<void> {
  const index = path.join(repoRoot, 'dist', 'renderer', 'index.html');
  const sources = [path.join(repoRoot, 'renderer'), path.join(repoRoot, 'preload', 'contract'), path.join(repoRoot, 'vite.config.ts')];
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  await run(node, [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: repoRoot, timeout: 180_000 });
}

/** The page may name files (imports, backups) only in `files`: the test's own folder, not the user's RiskDesk folder. */
function startHost(db: string, files: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(node, [riskdesk, 'serve', '--db', db, '--port', '0', '--files', files], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`riskdesk serve printed no URL within 60 s:\n${output}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_PATTERN.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0] });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => fail(new Error(`riskdesk serve exited (${code}) before printing its URL:\n${output}`)));
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Against a host started by hand (with the users of e2e-env.ts), to debug a test without the set-up.
  if (process.env[HOST_ENV]) return async () => undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'riskdesk-e2e-'));
  const db = path.join(dir, 'e2e.rdw');
  try {
    await cli(['init', '--db', db, '--user', ADMIN.username], { RISKDESK_PASSPHRASE: ADMIN.passphrase });
    await cli(['demo', '--db', db, '--scale', 'small'], { RISKDESK_PASSPHRASE: ADMIN.passphrase });
    for (const [user, role] of [
      [AUDITOR, 'auditor'],
      [ANALYST, 'analyst'],
      [COMPLIANCE, 'compliance'],
    ] as const) {
      await cli(['user', 'add', '--db', db, '--name', user.username, '--role', role], {
        RISKDESK_PASSPHRASE: ADMIN.passphrase,
        RISKDESK_NEW_PASSPHRASE: user.passphrase,
      });
    }
    await ensureRendererBuilt();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const { child, url } = await startHost(db, dir);
  process.env[HOST_ENV] = url;
  setWorkspacePath(db);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

// Issue 14 §3: no passphrase, key or token in process arguments, output, logs, crash output, error messages or
// files on disk. Real flows, the way a user runs them (passphrases from RISKDESK_PASSPHRASE and from
// --passphrase-file), and everything they print, log, answer and leave behind is searched for every secret in play:
// the passphrases, the raw data key, the workspace's Ed25519 private key and the browser host's token.
// The command flows run the CLI in this process (its output through the CliIo it writes to, and anything logged on
// the console), since a child per command costs seconds; a crash's output and the browser host are real child
// processes, read from their stdout and stderr.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, before, describe, it, mock } from 'node:test';
import { runCli } from '../main/cli/program.ts';
import { createApiService, fixedWorkspaceLocator } from '../main/services/api/api-service.ts';
import { folderFileAccess } from '../main/services/api/file-access.ts';
import { auditEventBatches } from '../main/store/audit.ts';
import { workspaceSigningKey } from '../main/store/signing-key.ts';
import { Workspace } from '../main/store/workspace.ts';
import { postApi } from '../main/test-support/host-client.ts';
import { bytesSecret, filesUnder, privateKeySecrets, secretsIn, textSecret, type Secret } from '../main/test-support/secret-scan.ts';
import { capturedIo } from '../main/test-support/captured-cli-io.ts';
import { tempDir } from '../main/test-support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../bin/riskdesk.mjs', import.meta.url));
const PASSPHRASES = {
  admin: 'admin passphrase from the environment',
  analystFirst: 'analyst first passphrase in a file',
  analystNew: 'analyst second passphrase in the environment',
  wrong: 'a wrong passphrase somebody guessed',
  viaHost: 'auditor passphrase typed into the page',
} as const;

const dir = tempDir('riskdesk-secrets-');
const db = path.join(dir, 'risk.rdw');
const passphraseFiles = path.join(tempDir('riskdesk-secret-files-'), 'p');
fs.mkdirSync(passphraseFiles, { mode: 0o700 });
const secrets: Secret[] = Object.entries(PASSPHRASES).map(([who, text]) => textSecret(`the ${who} passphrase`, text));

/** Everything RiskDesk printed, logged or answered, by where it came from. */
const said: { where: string; text: string }[] = [];

function passphraseFile(name: keyof typeof PASSPHRASES): string {
  const file = path.join(passphraseFiles, name);
  fs.writeFileSync(file, `${PASSPHRASES[name]}\n`, { mode: 0o600 });
  return file;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** One command line run in this process, as `riskdesk ARGS` with the environment `env`; the console is captured too. */
async function riskdesk(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const where = `riskdesk ${args.join(' ')}`;
  said.push({ where: `${where} (its arguments)`, text: args.join('\0') });
  const io = capturedIo(env);
  const logged: string[] = [];
  const consoleMocks = (['log', 'info', 'warn', 'error'] as const).map((name) => mock.method(console, name, (...parts: unknown[]) => void logged.push(parts.join(' '))));
  let code: number;
  try {
    code = await runCli(args, io);
  } finally {
    for (const consoleMock of consoleMocks) consoleMock.mock.restore();
  }
  said.push({ where: `${where} (stdout)`, text: io.out() }, { where: `${where} (stderr)`, text: io.err() }, { where: `${where} (console)`, text: logged.join('\n') });
  return { code, stdout: io.out(), stderr: io.err() };
}

/** `riskdesk ARGS` in a child process: what the process itself writes, a crash's stack included. */
function riskdeskChild(args: string[], env: Record<string, string>): Promise<Run> {
  const where = `riskdesk ${args.join(' ')} (child)`;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      said.push({ where: `${where} (stdout)`, text: stdout }, { where: `${where} (stderr)`, text: stderr });
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

function expectExit(run: Run, code: number): void {
  assert.equal(run.code, code, `exit ${run.code}, expected ${code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}

function assertNothingSaid(): void {
  const leaks = said.flatMap(({ where, text }) => secretsIn(text, secrets).map((secret) => `${secret} in ${where}`));
  assert.deepEqual(leaks, []);
}

describe('secrets never leak', () => {
  before(async () => {
    expectExit(await riskdesk(['init', '--db', db, '--json'], { RISKDESK_PASSPHRASE: PASSPHRASES.admin }), 0);
    // The secrets a leak would show, read the way only a test may: unwrapped from the keyring, out of the database.
    const workspace = await Workspace.open({ path: db, passphrase: PASSPHRASES.admin });
    try {
      secrets.push(bytesSecret('the data key', workspace.readerSpec().key), ...privateKeySecrets('the signing key', workspaceSigningKey(workspace.db).privateKey));
    } finally {
      workspace.close();
    }
  });

  afterEach(() => assertNothingSaid());

  it('no command line option takes a passphrase, key or token itself: only a file naming one', async () => {
    const help = await riskdesk(['--help']);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z-]+)\b/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
    const options = new Set<string>();
    const collect = (text: string): void => {
      for (const match of text.matchAll(/--[a-z][a-z-]*/g)) options.add(match[0]);
    };
    for (const command of commands) {
      const run = await riskdesk([command, '--help']);
      collect(run.stdout);
      const listed = /^Commands:\n((?: {2}.*\n)+)/m.exec(run.stdout)?.[1] ?? '';
      for (const sub of [...listed.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!).filter((name) => name !== 'help')) collect((await riskdesk([command, sub, '--help'])).stdout);
    }
    assert.ok(options.has('--passphrase-file') && options.has('--new-passphrase-file'), [...options].join(' '));
    // Word by word, so that --rekey (a switch) is not a key, while --key, --api-key or --token-value would be.
    const secretLooking = [...options].filter((option) => option.slice(2).split('-').some((word) => /^(passphrase|password|secret|token|key)s?$/.test(word)));
    assert.deepEqual(secretLooking.filter((option) => !option.endsWith('-file')), []);
  });

  it('every program RiskDesk starts gets an environment without the passphrase variables, and worker threads start with no secret', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const product = ['main', 'bin', 'preload']
      .flatMap((folder) => filesUnder(path.join(root, folder)))
      .filter((file) => /\.(ts|mjs|js)$/.test(file) && !/\.test\.ts$|[/\\](test-support|fixtures)[/\\]/.test(file));
    const starters = product.filter((file) => /from 'node:child_process'/.test(fs.readFileSync(file, 'utf8')));
    // A new one is reviewed here: what it puts in argv (never a passphrase, key or token) and that it passes env on.
    assert.deepEqual(starters.map((file) => path.relative(root, file)).sort(), ['main/cli/open-in-browser.ts', 'main/electron/electron-probe.ts', 'main/electron/launch.ts']);
    for (const file of starters) assert.match(fs.readFileSync(file, 'utf8'), /environmentForChild\(/, file);
    // Worker threads are this process: the key may travel to them in a task, but what they start with (workerData)
    // is only the entry file to load.
    const threads = product.filter((file) => /workerData|new Worker\(|new Piscina\(/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(threads.map((file) => path.relative(root, file)).sort(), ['main/workers/pool.ts', 'main/workers/tsx-worker.mjs']);
    assert.match(fs.readFileSync(path.join(root, 'main/workers/pool.ts'), 'utf8'), /workerData: \{ tsEntry: url\.href \}/);
  });

  it('init, user add, user passwd, import, backup and restore, with passphrases from the environment and from files', async () => {
    const admin = { RISKDESK_PASSPHRASE: PASSPHRASES.admin };
    expectExit(await riskdesk(['user', 'add', '--db', db, '--name', 'ana', '--role', 'analyst', '--new-passphrase-file', passphraseFile('analystFirst')], admin), 0);
    expectExit(await riskdesk(['user', 'passwd', '--db', db, '--name', 'ana', '--passphrase-file', passphraseFile('admin'), '--json'], { RISKDESK_NEW_PASSPHRASE: PASSPHRASES.analystNew }), 0);
    const csv = path.join(dir, 'borrowers.csv');
    fs.writeFileSync(csv, 'borrower_id,region,annual_income\nB1,Beijing,120000\nB2,Shanghai,98000\n');
    expectExit(await riskdesk(['import', '--db', db, '--user', 'ana', '--kind', 'borrowers', csv], { RISKDESK_PASSPHRASE: PASSPHRASES.analystNew }), 0);
    const backup = path.join(dir, 'backup.rdw');
    expectExit(await riskdesk(['backup', '--db', db, '--to', backup, '--json'], admin), 0);
    expectExit(await riskdesk(['restore', '--from', backup, '--db', path.join(dir, 'restored.rdw'), '--passphrase-file', passphraseFile('admin')]), 0);
  });

  it('a wrong passphrase is refused without being echoed, in text and in JSON', async () => {
    for (const json of [[], ['--json']]) {
      const run = await riskdesk(['audit', 'verify', '--db', db, ...json], { RISKDESK_PASSPHRASE: PASSPHRASES.wrong });
      expectExit(run, 1);
      assert.match(run.stdout + run.stderr, /BAD_PASSPHRASE|Wrong passphrase/);
    }
    expectExit(await riskdesk(['audit', 'verify', '--db', db], { RISKDESK_PASSPHRASE: PASSPHRASES.admin }), 0);
  });

  it('a failure after unlocking, with RISKDESK_DEBUG=1, prints its stack and nothing secret', async () => {
    const run = await riskdeskChild(['backup', '--db', db, '--to', path.join(dir, 'no-such-folder', 'b.rdw')], { RISKDESK_PASSPHRASE: PASSPHRASES.admin, RISKDESK_DEBUG: '1' });
    expectExit(run, 1);
    assert.match(run.stderr, /\n {4}at /, 'the stack is there');
  });

  it('an INTERNAL error in the API answers generically and logs its stack without the secrets it quotes', async () => {
    const logs: string[] = [];
    const served = fixedWorkspaceLocator(db);
    const keyHex = (secrets.find((secret) => secret.name === 'the data key')?.texts[0]) ?? assert.fail('the data key');
    // A dependency failing with what it was given in its message, as a driver's error might.
    const workspaces = {
      ...served,
      remember: () => {
        throw new Error(`could not record the unlock (${PASSPHRASES.admin}; PRAGMA key="x'${keyHex}'")`);
      },
    };
    const api = createApiService({ workspaces, files: folderFileAccess(dir), log: (line) => logs.push(line) });
    try {
      const outcome = await api.call('session.unlock', { passphrase: PASSPHRASES.admin });
      assert.equal(!outcome.ok && outcome.error.code, 'INTERNAL');
      said.push({ where: 'the API (its answer)', text: JSON.stringify(outcome) });
    } finally {
      await api.close();
    }
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /session\.unlock failed unexpectedly: Error: could not record the unlock \(\[redacted\]; PRAGMA key="x'…'"\)\n {4}at /s);
    said.push({ where: 'the API (its log)', text: logs.join('\n') });
  });

  it('riskdesk serve prints its token once, in the URL, and answers and logs without secrets', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--no-open', '--json', '--files', dir], {
      env: { PATH: process.env.PATH ?? '', RISKDESK_PASSPHRASE: PASSPHRASES.admin },
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const { url } = await new Promise<{ url: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0]!) as { url: string });
      });
      void exited.then(() => reject(new Error(`serve exited early\n${stdout}\n${stderr}`)));
    });
    const token = new URL(url).hash.replace('#token=', '');
    const port = Number(new URL(url).port);
    // The process's own arguments: what `ps` shows every user of the machine.
    if (process.platform === 'linux') said.push({ where: 'serve (its /proc cmdline)', text: fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8') });

    const answers: string[] = [];
    const call = async (method: string, args: unknown): Promise<{ ok: boolean; error?: { code: string } }> => {
      const { outcome } = await postApi(port, token, method, JSON.stringify({ args }));
      answers.push(JSON.stringify(outcome));
      return outcome as { ok: boolean; error?: { code: string } };
    };
    try {
      assert.equal((await call('session.unlock', { passphrase: PASSPHRASES.wrong })).error?.code, 'BAD_PASSPHRASE');
      assert.equal((await call('session.unlock', { passphrase: PASSPHRASES.admin })).ok, true);
      assert.equal((await call('users.add', { username: 'aud', role: 'auditor', passphrase: PASSPHRASES.viaHost })).ok, true);
      assert.equal((await call('users.add', { username: 'aud2', role: 'auditor', passphrase: PASSPHRASES.viaHost.slice(0, 5) })).error?.code, 'WEAK_PASSPHRASE');
      // Too long for the contract: the VALIDATION message names the field, not its value.
      assert.equal((await call('users.changePassphrase', { username: 'aud', newPassphrase: PASSPHRASES.viaHost.repeat(40) })).error?.code, 'VALIDATION');
      assert.equal((await call('workspace.restore', { from: 'missing.rdw', passphrase: PASSPHRASES.admin })).ok, false);
      assert.equal((await call('session.lock', {})).ok, true);
    } finally {
      child.kill('SIGINT');
      await exited;
    }
    said.push({ where: 'serve (its answers)', text: answers.join('\n') }, { where: 'serve (stderr)', text: stderr });
    const tokenSecret = textSecret('the host token', token);
    assert.equal(stdout.split(token).length - 1, 1, `the token appears once on stdout:\n${stdout}`);
    said.push({ where: 'serve (stdout without its URL)', text: stdout.replace(url, '') });
    secrets.push(tokenSecret);
  });

  it('the audit trail and every file left beside the workspaces hold no secret in any form', async () => {
    const workspace = await Workspace.open({ path: db, passphrase: PASSPHRASES.admin });
    try {
      const events = [...auditEventBatches(workspace.db, 1000)].flat();
      assert.ok(events.some((event) => event.action === 'user.passwd' || event.action.startsWith('user.')), 'the user changes are audited');
      said.push({ where: 'the audit trail', text: JSON.stringify(events) });
    } finally {
      workspace.close();
    }
    const onDisk = filesUnder(dir).flatMap((file) => secretsIn(fs.readFileSync(file), secrets).map((secret) => `${secret} in ${file}`));
    assert.deepEqual(onDisk, []);
  });
});

// `riskdesk demo` stopped by a signal after it has committed rows, in a child process the way a terminal, a
// service manager or `kill -9` stops it. Whatever stopped it, the workspace must end up as it was before the
// run: no demo rows, every index of the schema, the same meta entries, an intact audit trail, and a workspace
// the demo runs into again. SIGTERM and SIGHUP are caught and cancel at once, like Ctrl-C; SIGKILL cannot be
// caught, so the next unlock (here `audit verify`, by a user who may not run the demo) rolls the run back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { DEMO_KINDS, type DemoKind } from '../main/demo/demo-sink.ts';
import { demoTables } from '../main/demo/demo-workspace.ts';
import { createWorkspace, unlockWorkspace } from '../main/services/workspace-service.ts';
import { contextFor } from '../main/services/context.ts';
import { addUser } from '../main/services/users-service.ts';
import { openReadConnection } from '../main/store/read-connection.ts';
import { tableOf } from '../main/store/row-writers.ts';
import { ADMIN_PASSPHRASE, tempDir } from '../main/test-support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../bin/riskdesk.mjs', import.meta.url));
const AUDITOR_PASSPHRASE = 'auditor passphrase 2026';
const SEED = 5;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function riskdesk(args: string[], passphrase = ADMIN_PASSPHRASE): { exited: Promise<Exit>; kill(signal: NodeJS.Signals): void } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', RISKDESK_PASSPHRASE: passphrase } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { exited, kill: (signal) => child.kill(signal) };
}

function ran(args: string[], passphrase?: string): Promise<Exit> {
  return riskdesk(args, passphrase).exited;
}

function expectExit(run: Exit, code: number): void {
  assert.equal(run.code, code, `exit ${run.code ?? run.signal}, expected ${code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}

interface Spec {
  path: string;
  key: Buffer;
}

/** What the workspace holds, read through a second connection with the key (not through RiskDesk's unlock, which would repair it). */
interface WorkspaceState {
  rows: Record<string, number>;
  indexes: unknown[];
  meta: unknown[];
  audit: { action: string; actor: string; details: string }[];
}

function readState(spec: Spec): WorkspaceState {
  const db = openReadConnection(spec);
  try {
    return {
      rows: Object.fromEntries(demoTables().map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n])),
      indexes: db.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all(),
      meta: db.prepare('SELECT key, value FROM meta ORDER BY key').all(),
      audit: db.prepare('SELECT action, actor, details FROM audit_events ORDER BY seq').all() as WorkspaceState['audit'],
    };
  } finally {
    db.close();
  }
}

function noRows(): Record<string, number> {
  return Object.fromEntries(demoTables().map((table) => [table, 0]));
}

/**
 * Resolves once the running demo has committed borrowers (its first batch), as a second connection sees them:
 * the trigger is the committed state itself, not a guess at how long that takes. Rejects if the child ends first.
 */
async function firstBatchCommitted(spec: Spec, exited: Promise<Exit>): Promise<void> {
  let ended: Exit | undefined;
  void exited.then((exit) => (ended = exit));
  const db = openReadConnection(spec);
  try {
    const borrowers = db.prepare('SELECT count(*) AS n FROM borrowers');
    while ((borrowers.get() as { n: number }).n === 0) {
      if (ended) assert.fail(`the demo ended before its first commit was seen: exit ${ended.code ?? ended.signal}\n${ended.stderr}`);
      await delay(5);
    }
  } finally {
    db.close();
  }
}

/** A new workspace with an auditor (who may not run the demo), and its key for the second connection. */
async function newWorkspace(dir: string, name: string): Promise<Spec> {
  const workspace = await createWorkspace({ path: path.join(dir, name), username: 'admin', passphrase: ADMIN_PASSPHRASE });
  try {
    await addUser(contextFor(workspace), { username: 'auditor', role: 'auditor', passphrase: AUDITOR_PASSPHRASE });
    return { path: workspace.path, key: Buffer.from(workspace.readerSpec().key) };
  } finally {
    workspace.close();
  }
}

const dir = tempDir('riskdesk-demo-interrupt-');

describe('riskdesk demo interrupted after its first commit', () => {
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGKILL'] as const) {
    describe(signal, () => {
      let spec: Spec;
      let fresh: WorkspaceState;
      let stopped: Exit;

      before(async () => {
        spec = await newWorkspace(dir, `${signal}.rdw`);
        fresh = readState(spec);
        const demo = riskdesk(['demo', '--db', spec.path, '--scale', 'small', '--seed', String(SEED)]);
        await firstBatchCommitted(spec, demo.exited);
        demo.kill(signal);
        stopped = await demo.exited;
      });

      if (signal === 'SIGKILL') {
        it('dies at once, leaving its committed rows for the next unlock to roll back', () => {
          assert.equal(stopped.signal, 'SIGKILL');
          assert.ok((readState(spec).rows.borrowers ?? 0) > 0, 'the kill came after a commit');
        });
      } else {
        it('cancels like Ctrl-C: exit 1 with a "cancelled" message, and the run is already rolled back', () => {
          expectExit(stopped, 1);
          assert.match(stopped.stderr, /^riskdesk: cancelled: /m);
          assert.equal(stopped.stdout, '');
          // Read before any other unlock: the cancelled process cleaned up after itself.
          assert.deepEqual(readState(spec), fresh);
        });
      }

      it('the next unlock finds the audit trail intact, and no demo rows, the schema\'s indexes and the meta as before', async () => {
        // The auditor may not run the demo; undoing an interrupted one does not depend on who unlocks next.
        const verified = await ran(['audit', 'verify', '--db', spec.path, '--user', 'auditor', '--json'], AUDITOR_PASSPHRASE);
        expectExit(verified, 0);
        assert.equal((JSON.parse(verified.stdout) as { audit: { intact: boolean } }).audit.intact, true);
        const after = readState(spec);
        assert.deepEqual({ rows: after.rows, indexes: after.indexes, meta: after.meta }, { rows: noRows(), indexes: fresh.indexes, meta: fresh.meta });
        if (signal === 'SIGKILL') {
          // The trail says what happened to the run that never finished, and who was there when it was undone.
          assert.deepEqual(after.audit.slice(0, -1), fresh.audit);
          const rolledBack = after.audit.at(-1);
          assert.equal(rolledBack?.action, 'data.demo_rolled_back');
          assert.equal(rolledBack?.actor, 'auditor');
          assert.deepEqual({ ...(JSON.parse(rolledBack?.details ?? '{}') as object), startedAt: '?' }, { scale: 'small', seed: SEED, startedBy: 'admin', startedAt: '?' });
        } else {
          // A cancelled run made no change, so it left no event.
          assert.deepEqual(after.audit, fresh.audit);
        }
      });

      it('the demo runs into the workspace again and completes', async () => {
        const again = await ran(['demo', '--db', spec.path, '--scale', 'small', '--seed', String(SEED), '--json']);
        expectExit(again, 0);
        const counts = (JSON.parse(again.stdout) as { demo: { counts: Record<DemoKind, number> } }).demo.counts;
        const after = readState(spec);
        assert.deepEqual(after.rows, Object.fromEntries(DEMO_KINDS.map((kind) => [tableOf(kind), counts[kind]])));
        assert.deepEqual(after.indexes, fresh.indexes);
        assert.equal(after.audit.at(-1)?.action, 'data.demo');
      });
    });
  }
});

describe('riskdesk demo still running in another process', () => {
  it('is left alone by an unlock meanwhile, a second demo is refused, and the first completes', async () => {
    const spec = await newWorkspace(dir, 'running.rdw');
    const fresh = readState(spec);
    const demo = riskdesk(['demo', '--db', spec.path, '--scale', 'small', '--seed', String(SEED), '--json']);
    await firstBatchCommitted(spec, demo.exited);
    // Paused, the run is alive but goes no further, so the unlock below meets it half-way however fast the machine.
    demo.kill('SIGSTOP');
    try {
      (await unlockWorkspace({ path: spec.path, username: 'auditor', passphrase: AUDITOR_PASSPHRASE })).close();
      const during = readState(spec);
      assert.ok((during.rows.borrowers ?? 0) > 0, 'the unlock did not roll back the running demo');
      assert.deepEqual(during.audit, fresh.audit);
      const second = await ran(['demo', '--db', spec.path, '--scale', 'small']);
      expectExit(second, 1);
      assert.match(second.stderr, /^riskdesk: A demo run \(small, started by admin at .*, process \d+\) is still generating into this workspace/);
    } finally {
      demo.kill('SIGCONT');
    }
    const finished = await demo.exited;
    expectExit(finished, 0);
    const after = readState(spec);
    assert.deepEqual(after.indexes, fresh.indexes);
    assert.deepEqual(after.meta, fresh.meta);
    assert.deepEqual(after.audit.map((event) => event.action), [...fresh.audit.map((event) => event.action), 'data.demo']);
  });
});

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { demoTables, nonEmptyDemoTables } from '../demo/demo-workspace.ts';
import { type TempDatabase, createTempDatabase } from '../test-support/temp-database.ts';
import { verifyAuditChain } from '../store/audit.ts';
import { type Db, openEncryptedDatabase } from '../store/database.ts';
import { isRiskDeskError } from '../../preload/contract/errors.ts';
import { databaseContext } from '../test-support/service-context.ts';
import type { ServiceContext } from './context.ts';
import { recoverInterruptedDemo, runDemo } from './demo-service.ts';
import type { Role } from './permissions.ts';

const NOW = new Date('2025-06-30T09:30:00.000Z');

function contextFor(workspace: TempDatabase, role: Role, db: Db = workspace.db): ServiceContext {
  return databaseContext(
    { ...workspace, db },
    { username: `${role}1`, role },
    {
      now: () => NOW,
      readerSpec: () => {
        throw new Error('the demo service opens no readers');
      },
    },
  );
}

function auditEvents(db: Db): { action: string; subject: string; actor: string; details: string }[] {
  return db.prepare('SELECT action, subject, actor, details FROM audit_events ORDER BY seq').all() as { action: string; subject: string; actor: string; details: string }[];
}

function hasCode(code: string): (error: unknown) => boolean {
  return (error) => isRiskDeskError(error) && error.code === code;
}

/** What an undone run must leave exactly as it found: meta entries and the schema's indexes. */
function snapshot(db: Db): { meta: unknown[]; indexes: unknown[] } {
  return {
    meta: db.prepare('SELECT key, value FROM meta ORDER BY key').all(),
    indexes: db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all(),
  };
}

describe('runDemo', () => {
  let workspace: TempDatabase;
  let before: ReturnType<typeof snapshot>;
  beforeEach(() => {
    workspace = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
    before = snapshot(workspace.db);
  });

  /** No data, no audit event, meta and indexes as before. */
  const assertUntouched = (db: Db): void => {
    assert.deepEqual(nonEmptyDemoTables(db), []);
    assert.deepEqual(auditEvents(db), []);
    assert.deepEqual(snapshot(db), before);
  };
  let reopened: Db | undefined;
  afterEach(() => {
    reopened?.close();
    reopened = undefined;
    workspace.dispose();
  });

  /**
   * A run that stops without undoing anything, as when its process dies: its connection is closed under it after
   * the first batches, so its own undo fails too. Returns a new connection to the workspace it left behind.
   */
  async function interruptedRun(): Promise<Db> {
    const run = runDemo(
      contextFor(workspace, 'analyst'),
      { scale: 'small', seed: 2 },
      {
        onProgress: (p) => {
          if (p.phase === 'accounts and transactions') workspace.db.close();
        },
      },
    );
    await assert.rejects(run, /not open/);
    reopened = openEncryptedDatabase(workspace.path, workspace.key);
    assert.notDeepEqual(nonEmptyDemoTables(reopened), [], 'the run left rows');
    assert.notDeepEqual(snapshot(reopened), before, 'and its marker and suspended indexes');
    return reopened;
  }

  for (const role of ['auditor', 'compliance'] as const) {
    test(`is refused to ${role}s`, async () => {
      await assert.rejects(runDemo(contextFor(workspace, role), { scale: 'small', seed: 1 }), hasCode('FORBIDDEN'));
      assertUntouched(workspace.db);
    });
  }

  test('generates the portfolio as of the context date and records one audit event', async () => {
    const phases = new Set<string>();
    const summary = await runDemo(contextFor(workspace, 'analyst'), { scale: 'small', seed: 3 }, { onProgress: (p) => phases.add(p.phase) });
    assert.equal(summary.asOf, '2025-06-30');
    assert.ok(summary.counts.loans > 0 && summary.counts.transactions > 0);
    assert.deepEqual([...phases], ['borrowers and loans', 'accounts and transactions', 'investor balances', 'daily flows', 'liquidity lines', 'indexes']);
    const events = auditEvents(workspace.db);
    assert.equal(events.length, 1);
    assert.equal(events[0]?.action, 'data.demo');
    assert.equal(events[0]?.subject, 'portfolio');
    assert.equal(events[0]?.actor, 'analyst1');
    assert.deepEqual(JSON.parse(events[0]?.details ?? '{}'), { scale: 'small', seed: 3, counts: summary.counts });
    assert.equal(verifyAuditChain(workspace.db).ok, true);
    const lastFlow = workspace.db.prepare('SELECT max(date) AS d FROM daily_flows').get() as { d: string };
    assert.equal(lastFlow.d, '2025-06-30');
    // The indexes suspended for the bulk load are all back, exactly as the schema defines them.
    assert.deepEqual(snapshot(workspace.db).indexes, before.indexes);
    assert.deepEqual(snapshot(workspace.db).meta, [{ key: 'base_currency', value: 'CNY' }, ...before.meta]);

    // A second run would mix with the first: refused, and nothing changes.
    await assert.rejects(runDemo(contextFor(workspace, 'admin'), { scale: 'small', seed: 4 }), (error: unknown) => {
      assert.ok(isRiskDeskError(error) && error.code === 'INVALID_ARGUMENT');
      assert.match(error.message, /loans/);
      assert.match(error.message, /transactions/);
      return true;
    });
    assert.equal(auditEvents(workspace.db).length, 1);
  });

  test('refuses a workspace that already holds imported data of any demo table', async () => {
    workspace.db.prepare(`INSERT INTO liquidity_lines (line_id, category, amount_minor, currency) VALUES ('X1', 'hqla_l1_cash', 100, 'CNY')`).run();
    await assert.rejects(runDemo(contextFor(workspace, 'analyst'), { scale: 'small', seed: 1 }), hasCode('INVALID_ARGUMENT'));
    assert.deepEqual(nonEmptyDemoTables(workspace.db), ['liquidity_lines']);
  });

  test('rejects an unknown scale before writing anything', async () => {
    await assert.rejects(runDemo(contextFor(workspace, 'analyst'), { scale: 'enormous' as 'small', seed: 1 }), hasCode('INVALID_ARGUMENT'));
    assertUntouched(workspace.db);
  });

  test('a cancelled run leaves the workspace as it was', async () => {
    const controller = new AbortController();
    const run = runDemo(
      contextFor(workspace, 'analyst'),
      { scale: 'small', seed: 1 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'accounts and transactions') controller.abort();
        },
      },
    );
    await assert.rejects(run, hasCode('JOB_CANCELLED'));
    assertUntouched(workspace.db);
  });

  test('a cancel from outside arrives between batches (the run yields to the event loop)', async () => {
    const controller = new AbortController();
    const run = runDemo(contextFor(workspace, 'analyst'), { scale: 'small', seed: 1 }, { signal: controller.signal });
    setImmediate(() => controller.abort());
    await assert.rejects(run, hasCode('JOB_CANCELLED'));
    assertUntouched(workspace.db);
  });

  test('a failed run is undone and its error rethrown', async () => {
    const failure = new Error('progress sink broke');
    const run = runDemo(
      contextFor(workspace, 'admin'),
      { scale: 'small', seed: 1 },
      {
        onProgress: (p) => {
          if (p.phase === 'investor balances') throw failure;
        },
      },
    );
    await assert.rejects(run, (error: unknown) => error === failure);
    assertUntouched(workspace.db);
    assert.equal(demoTables().length, 9);
  });

  test('an interrupted run is undone by the next recovery, whoever it is, with an audit event naming the run', async () => {
    const db = await interruptedRun();
    // An auditor may not run the demo, but an unlock by one still repairs what an interrupted run left.
    const undone = recoverInterruptedDemo(contextFor(workspace, 'auditor', db));
    assert.equal(undone?.scale, 'small');
    assert.deepEqual(nonEmptyDemoTables(db), []);
    assert.deepEqual(snapshot(db), before);
    const events = auditEvents(db);
    assert.deepEqual(
      events.map((event) => ({ ...event, details: JSON.parse(event.details) as unknown })),
      [{ action: 'data.demo_rolled_back', subject: 'portfolio', actor: 'auditor1', details: { scale: 'small', seed: 2, startedBy: 'analyst1', startedAt: NOW.toISOString() } }],
    );
    assert.equal(verifyAuditChain(db).ok, true);
    // Nothing left to undo: a second recovery changes nothing.
    assert.equal(recoverInterruptedDemo(contextFor(workspace, 'auditor', db)), undefined);
    assert.equal(auditEvents(db).length, 1);
  });

  test('a run into a workspace with an interrupted run undoes that one first, then generates', async () => {
    const db = await interruptedRun();
    const summary = await runDemo(contextFor(workspace, 'admin', db), { scale: 'small', seed: 3 });
    assert.deepEqual(nonEmptyDemoTables(db), demoTables());
    assert.equal((db.prepare('SELECT count(*) AS n FROM borrowers').get() as { n: number }).n, summary.counts.borrowers);
    assert.deepEqual(snapshot(db).indexes, before.indexes);
    assert.deepEqual(
      auditEvents(db).map((event) => [event.action, event.actor]),
      [
        ['data.demo_rolled_back', 'admin1'],
        ['data.demo', 'admin1'],
      ],
    );
  });

  test('a clean workspace has nothing to recover, and recovery changes nothing', () => {
    assert.equal(recoverInterruptedDemo(contextFor(workspace, 'compliance')), undefined);
    assertUntouched(workspace.db);
  });
});

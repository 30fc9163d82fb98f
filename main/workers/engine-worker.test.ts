import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isRiskDeskError } from '../../preload/contract/errors.ts';
import { DEFAULT_BASE_CURRENCY } from '../../preload/contract/vocabulary.ts';
import { verifyAuditChain } from '../store/audit.ts';
import { dashboardSummary } from '../store/dashboard-queries.ts';
import { appendTestAuditEvents, createTestWorkspace, insertLoans, type TestLoan, type TestWorkspace } from './fixtures/workspace.ts';
import { EnginePool } from './pool.ts';
import type { JobProgress } from './protocol.ts';

function assertMonotonic(progress: readonly JobProgress[], total: number): void {
  assert.ok(progress.length >= 2, 'expected a start and at least one batch');
  assert.deepEqual(progress[0], { done: 0, total, phase: progress[0]?.phase });
  for (let i = 1; i < progress.length; i += 1) assert.ok((progress[i]?.done ?? -1) >= (progress[i - 1]?.done ?? 0), 'progress went backwards');
  assert.ok(progress.every((p) => p.total === total && p.done <= total));
}

const PRODUCTS = ['personal', 'sme', 'bnpl'] as const;
const STATUSES = [null, 'active', 'active', 'written_off', 'Default', 'closed'] as const;

/** Loans over every DPD bucket and status, mostly in the base currency (the dashboard sums only those). */
function syntheticLoans(count: number): TestLoan[] {
  return Array.from({ length: count }, (_, i) => ({
    loan_id: `L-${i}`,
    product: PRODUCTS[i % PRODUCTS.length] ?? 'personal',
    currency: i % 11 === 0 ? 'USD' : DEFAULT_BASE_CURRENCY,
    principal_minor: 10_000 + i * 37,
    outstanding_balance_minor: i % 13 === 0 ? null : 5_000 + ((i * 131) % 9_000),
    dpd: i % 17 === 0 ? null : (i * 23) % 200,
    status: STATUSES[i % STATUSES.length] ?? null,
  }));
}

describe('engine worker jobs', () => {
  let workspace: TestWorkspace;
  let pool: EnginePool;

  before(() => {
    workspace = createTestWorkspace();
    pool = new EnginePool({ size: 2 });
  });
  after(async () => {
    await pool.close();
    workspace.dispose();
  });

  it('computes the dashboard as dashboardSummary does in the main thread', async () => {
    const loans = syntheticLoans(1_000);
    insertLoans(workspace.db, loans);
    const progress: JobProgress[] = [];
    const inWorker = await pool.run('dashboard-summary', {}, { reader: workspace.reader, onProgress: (p) => progress.push(p) });
    assert.deepEqual(inWorker, dashboardSummary(workspace.db));
    assert.equal(inWorker.loans, loans.filter((loan) => loan.status !== 'written_off').length, 'the open loans: all but the written-off ones');
    assert.ok(inWorker.delinquency.every((bucket) => bucket.loans > 0 && bucket.outstandingMinor > 0), 'every bucket has loans and money');
    assert.deepEqual(progress.map((p) => p.done), [0, 1]);
  });

  it('verifies an intact audit chain as verifyAuditChain does in the main thread', async () => {
    appendTestAuditEvents(workspace.db, 250);
    const progress: JobProgress[] = [];
    const inWorker = await pool.run('audit-verify', { batchSize: 40 }, { reader: workspace.reader, onProgress: (p) => progress.push(p) });
    assert.deepEqual(inWorker, verifyAuditChain(workspace.db));
    assert.equal(inWorker.ok, true);
    assertMonotonic(progress, 250);
    // One report before the first batch, then one per batch of 40.
    assert.equal(progress.length, 1 + Math.ceil(250 / 40));
    assert.equal(progress.at(-1)?.done, 250);
  });

  it('sees rows committed by the writer after the worker opened its connection', async () => {
    appendTestAuditEvents(workspace.db, 5);
    const result = await pool.run('audit-verify', {}, { reader: workspace.reader });
    assert.deepEqual(result.ok && result.events, 255);
  });

  it('names the first tampered event', async () => {
    workspace.db.exec('DROP TRIGGER audit_events_no_update');
    workspace.db.prepare(`UPDATE audit_events SET actor = 'mallory' WHERE seq IN (123, 200)`).run();
    const inWorker = await pool.run('audit-verify', { batchSize: 40 }, { reader: workspace.reader });
    assert.deepEqual(inWorker, { ok: false, events: 122, firstBadSeq: 123, reason: 'its contents do not match its hash' });
    assert.deepEqual(inWorker, verifyAuditChain(workspace.db));
  });

  it('finds an event slipped in before the first one', async () => {
    const fresh = createTestWorkspace();
    try {
      appendTestAuditEvents(fresh.db, 3);
      fresh.db.prepare(`INSERT INTO audit_events (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (0, '2026-01-01T00:00:00.000Z', 'mallory', 'x', 'y', '{}', '', '')`).run();
      const result = await pool.run('audit-verify', {}, { reader: fresh.reader });
      assert.deepEqual(result, { ok: false, events: 0, firstBadSeq: 0, reason: 'expected event 1 but found 0: events are missing' });
    } finally {
      fresh.dispose();
    }
  });
});

describe('what an engine job is given', () => {
  let workspace: TestWorkspace;
  let pool: EnginePool;

  before(() => {
    workspace = createTestWorkspace();
    appendTestAuditEvents(workspace.db, 3);
    pool = new EnginePool({ size: 1 });
  });
  after(async () => {
    await pool.close();
    workspace.dispose();
  });

  function failsWith(message: RegExp): (error: unknown) => boolean {
    return (error) => isRiskDeskError(error) && error.code === 'JOB_FAILED' && message.test(error.message);
  }

  const runInput = { actor: 'ana', startedAt: '2026-01-01T00:00:00.000Z' };

  it('refuses a job that writes when it was sent no writer spec, and writes nothing', async () => {
    // What the pool's types refuse, sent anyway: the worker checks too.
    await assert.rejects(pool.run('credit-run', runInput, { reader: workspace.reader } as never), failsWith(/^The credit-run job failed: internal: the credit-run job writes, and was sent no writer spec$/));
    assert.equal(workspace.db.prepare('SELECT count(*) FROM runs').pluck().get(), 0);
  });

  it('opens a writable connection for a job that writes, whose transaction leaves nothing when the job fails', async () => {
    const events = verifyAuditChain(workspace.db);
    await assert.rejects(
      pool.run('credit-run', runInput, { reader: workspace.reader, writer: workspace.writer }),
      (error: unknown) => isRiskDeskError(error) && error.code === 'JOB_FAILED' && (error.details as { cause?: string }).cause === 'INVALID_STATE' && /No scorecard is active/.test(error.message),
    );
    assert.equal(workspace.db.prepare('SELECT count(*) FROM runs').pluck().get(), 0);
    assert.deepEqual(verifyAuditChain(workspace.db), events);
  });

  it('refuses a writer spec for a job that only reads', async () => {
    await assert.rejects(pool.run('audit-verify', {}, { reader: workspace.reader, writer: workspace.writer } as never), failsWith(/internal: the audit-verify job only reads, and was sent a writer spec$/));
  });

  it('refuses input its kind does not take', async () => {
    await assert.rejects(pool.run('audit-verify', { batchSize: 0 }, { reader: workspace.reader }), failsWith(/internal: the audit-verify job was sent input it does not take \(batchSize: /));
    await assert.rejects(pool.run('credit-run', { ...runInput, asOf: '31/12/2025' }, { reader: workspace.reader, writer: workspace.writer }), failsWith(/was sent input it does not take \(asOf: /));
    const intact = await pool.run('audit-verify', { batchSize: 2 }, { reader: workspace.reader });
    assert.deepEqual(intact.ok && intact.events, 3);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendTestAuditEvents, createTestWorkspace, type TestWorkspace } from '../workers/fixtures/workspace.ts';
import { EnginePool } from '../workers/pool.ts';
import type { JobProgress } from '../workers/protocol.ts';
import { databaseContext } from '../test-support/service-context.ts';
import { verifyAudit } from './audit-service.ts';
import type { ServiceContext } from './context.ts';

describe('audit service', () => {
  let workspace: TestWorkspace;
  let pool: EnginePool;
  let ctx: ServiceContext;

  before(() => {
    workspace = createTestWorkspace();
    pool = new EnginePool({ size: 1 });
    ctx = databaseContext({ db: workspace.db, ...workspace.reader }, { username: 'ada', role: 'auditor' }, { now: () => new Date('2026-03-01T09:00:00Z'), pool });
  });
  after(async () => {
    await pool.close();
    workspace.dispose();
  });

  it('verifies the audit chain on a worker with the workspace reader', async () => {
    appendTestAuditEvents(workspace.db, 12);
    const progress: JobProgress[] = [];
    const result = await verifyAudit(ctx, { onProgress: (p) => progress.push(p) });
    assert.deepEqual(result.ok && result.events, 12);
    assert.equal(progress.at(-1)?.done, 12);
  });

  it('holds the chain to anchors noted earlier: cut-off newest events and a chain rebuilt from some point on both fail', async () => {
    const head = (seq: number) => ({ seq, hash: workspace.db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(seq) as string });
    const total = workspace.db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    const anchors = [head(5), head(total)];
    const intact = await verifyAudit(ctx, {}, anchors);
    assert.equal(intact.ok, true);
    // Someone with the key and the database drops the guard and removes the newest two events: the chain left is
    // intact on its own, and only the anchor of the old head tells.
    workspace.db.exec('DROP TRIGGER audit_events_no_delete');
    workspace.db.prepare('DELETE FROM audit_events WHERE seq > ?').run(total - 2);
    assert.equal((await verifyAudit(ctx)).ok, true, 'without an anchor the truncation does not show');
    const cut = await verifyAudit(ctx, {}, anchors);
    assert.equal(cut.ok, false);
    assert.equal(!cut.ok && cut.firstBadSeq, total - 1);
    assert.match(!cut.ok ? cut.reason : '', new RegExp(`ends at event ${total - 2}.*names event ${total}`));
    // The same events re-added with other details and re-hashed from there on: intact again on its own, but not
    // against the anchor of event 5 if the rebuild starts at or before it.
    workspace.db.prepare('DELETE FROM audit_events WHERE seq >= 5').run();
    appendTestAuditEvents(workspace.db, total - 4);
    assert.equal((await verifyAudit(ctx)).ok, true);
    const rebuilt = await verifyAudit(ctx, {}, [head(1), anchors[0]!]);
    assert.equal(rebuilt.ok, false);
    assert.equal(!rebuilt.ok && rebuilt.firstBadSeq, 5);
    assert.match(!rebuilt.ok ? rebuilt.reason : '', /rebuilt/);
  });

  it('passes cancellation through to the pool', async () => {
    await assert.rejects(verifyAudit(ctx, { signal: AbortSignal.abort() }), { code: 'JOB_CANCELLED' });
  });
});

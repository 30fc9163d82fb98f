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

  it('passes cancellation through to the pool', async () => {
    await assert.rejects(verifyAudit(ctx, { signal: AbortSignal.abort() }), { code: 'JOB_CANCELLED' });
  });
});

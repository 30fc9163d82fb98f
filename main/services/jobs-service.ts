import type { AuditVerification, JobProgressOf, WorkerJobKind } from '../../preload/contract/jobs.ts';
import type { EnginePool } from '../workers/pool.ts';
import type { ServiceContext } from './context.ts';
import { requirePermission } from './permissions.ts';

/** What the caller of a worker job controls: cancelling it, and where its progress (in its kind's phases) goes. */
export interface JobCallOptions<K extends WorkerJobKind> {
  readonly onProgress?: (progress: JobProgressOf<K>) => void;
  readonly signal?: AbortSignal;
}

/** Re-checks the whole audit chain on a worker; the result names the first event that breaks it, if any. */
export async function verifyAudit(ctx: ServiceContext, pool: EnginePool, options: JobCallOptions<'audit-verify'> = {}): Promise<AuditVerification> {
  requirePermission(ctx.actor, 'audit.verify');
  return pool.run('audit-verify', {}, { ...options, reader: ctx.readerSpec() });
}

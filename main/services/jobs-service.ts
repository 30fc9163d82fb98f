import type { AuditVerification } from '../store/audit.ts';
import type { EnginePool } from '../workers/pool.ts';
import type { JobProgress } from '../workers/protocol.ts';
import type { ServiceContext } from './context.ts';
import { requirePermission } from './permissions.ts';

export interface JobCallOptions {
  readonly onProgress?: (progress: JobProgress) => void;
  readonly signal?: AbortSignal;
}

/** Re-checks the whole audit chain on a worker; the result names the first event that breaks it, if any. */
export async function verifyAudit(ctx: ServiceContext, pool: EnginePool, options: JobCallOptions = {}): Promise<AuditVerification> {
  requirePermission(ctx.actor, 'audit.verify');
  return pool.run('audit-verify', {}, { ...options, reader: ctx.readerSpec() });
}

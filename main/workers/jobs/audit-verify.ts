import { AuditChainVerifier, type AuditEventRow, type AuditVerification } from '../../store/audit.ts';
import type { Db } from '../../store/database.ts';
import type { BatchedInput } from '../protocol.ts';
import type { ReportProgress } from '../serve-job.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { keysetBatches } from './keyset.ts';

const COLUMNS = ['seq', 'at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash'] as const;

/** Walks the audit chain in seq order and stops at the first event that breaks it. */
export function verifyAuditJob(db: Db, input: BatchedInput, report: ReportProgress): AuditVerification {
  return inReadSnapshot(db, () => {
    const { n: total } = db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number };
    const verifier = new AuditChainVerifier();
    let done = 0;
    report({ done, total, phase: 'verifying' });
    for (const rows of keysetBatches<AuditEventRow & Record<string, unknown>>(db, { table: 'audit_events', columns: COLUMNS, key: 'seq', batchSize: input.batchSize ?? 2000 })) {
      const intact = rows.every((row) => verifier.check(row));
      done += rows.length;
      report({ done, total, phase: 'verifying' });
      if (!intact) break;
    }
    return verifier.result();
  });
}

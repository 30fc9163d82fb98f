import { AuditChainVerifier, auditEventBatches, countAuditEvents } from '../../store/audit.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import type { EngineJob } from '../protocol.ts';

/** Walks the audit chain in seq order and stops at the first event that breaks it. */
export const verifyAuditJob: EngineJob<'audit-verify'> = ({ reader }, input, report) =>
  inReadSnapshot(reader, () => {
    const total = countAuditEvents(reader);
    const verifier = new AuditChainVerifier();
    let done = 0;
    report({ done, total, phase: 'verifying' });
    for (const rows of auditEventBatches(reader, input.batchSize ?? 2000)) {
      const intact = rows.every((row) => verifier.check(row));
      done += rows.length;
      report({ done, total, phase: 'verifying' });
      if (!intact) break;
    }
    return verifier.result();
  });

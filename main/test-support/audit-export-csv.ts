import { parse } from 'csv-parse/sync';
import type { AuditVerification } from '../../preload/contract/jobs.ts';
import { AUDIT_GENESIS_HASH, AuditChainVerifier } from '../store/audit.ts';

/** A line of an audit export, as `riskdesk audit export` and audit.export write it (AUDIT_EXPORT_HEADER). */
export interface ExportedAuditRow {
  seq: string;
  at_utc: string;
  at_local: string;
  actor: string;
  action: string;
  subject: string;
  details_readable: string;
  details_json: string;
  hash: string;
  prev_hash: string;
}

export function parseAuditExport(text: string): ExportedAuditRow[] {
  return parse(text, { bom: true, columns: true }) as ExportedAuditRow[];
}

/**
 * Re-verifies an export as the README tells an auditor to: each run of consecutive events chains from the previous
 * hash of its first event (the genesis hash for event 1), and every event's hash is recomputed from its columns
 * (at_utc, the raw details JSON). Returns the verification of each run; all ok means the file matches the chain.
 */
export function verifyAuditExport(rows: readonly ExportedAuditRow[]): AuditVerification[] {
  const runs: AuditVerification[] = [];
  let verifier: AuditChainVerifier | null = null;
  let last = -1;
  for (const row of rows) {
    const seq = Number(row.seq);
    if (verifier === null || seq !== last + 1) {
      if (verifier) runs.push(verifier.result());
      verifier = new AuditChainVerifier({ seq, prevHash: seq === 1 ? AUDIT_GENESIS_HASH : row.prev_hash });
    }
    verifier.checkEvent({ seq, at: row.at_utc, actor: row.actor, action: row.action, subject: row.subject, details: JSON.parse(row.details_json), prev_hash: row.prev_hash, hash: row.hash });
    last = seq;
  }
  if (verifier) runs.push(verifier.result());
  return runs;
}

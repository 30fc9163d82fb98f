import { appendAuditEvent } from './audit.ts';
import type { Db } from './database.ts';

const BACKUP_ACTION = 'workspace.backup';

/** A backup as its source workspace's audit trail records it: where, how big, its SHA-256 and the chain head inside it. */
export interface BackupRecord {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly auditHead: { readonly seq: number; readonly hash: string };
}

/** Appends the backup's event; call it inside a transaction, like any audit event. */
export function appendBackupEvent(db: Db, event: { actor: string; workspaceId: string; at: string; backup: BackupRecord }): void {
  const { file, bytes, sha256, auditHead } = event.backup;
  appendAuditEvent(db, { actor: event.actor, action: BACKUP_ACTION, subject: `workspace:${event.workspaceId}`, details: { file, bytes, sha256, auditHead }, at: event.at });
}

/** The SHA-256 of every backup this workspace's audit trail records writing to `file`. */
export function recordedBackupHashes(db: Db, workspaceId: string, file: string): string[] {
  return db
    .prepare(`SELECT json_extract(details, '$.sha256') FROM audit_events WHERE action = ? AND subject = ? AND json_extract(details, '$.file') = ?`)
    .pluck()
    .all(BACKUP_ACTION, `workspace:${workspaceId}`, file) as string[];
}

import { auditChainHead } from './audit.ts';
import { openEncryptedDatabase, type Db } from './database.ts';
import { storedWorkspaceId } from './workspace-meta.ts';

/**
 * VACUUM INTO: a consistent, compacted snapshot of the workspace, encrypted with the same key, written to `file`
 * (absent or empty) while readers and the writer carry on. SQLite does not sync the copy to disk; the caller does.
 */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** Opens a copy read-only with the workspace key: what SQLite's full integrity check or its workspace id says is wrong, or null. */
export function copyProblem(copy: string, key: Buffer, workspaceId: string): string | null {
  const db = openEncryptedDatabase(copy, key, { readonly: true });
  try {
    const result = db.pragma('integrity_check') as { integrity_check: string }[];
    if (result.length !== 1 || result[0]?.integrity_check !== 'ok') {
      const first = result.slice(0, 3).map((r) => r.integrity_check.replace(/\s+/g, ' '));
      return `SQLite's integrity check reports "${first.join('; ')}"`;
    }
    return storedWorkspaceId(db) === workspaceId ? null : `it is not a copy of workspace ${workspaceId}`;
  } finally {
    db.close();
  }
}

/** The audit chain's head inside a copy (a backup): the anchor its maker notes. */
export function auditHeadOfCopy(copy: string, key: Buffer): { seq: number; hash: string } {
  const db = openEncryptedDatabase(copy, key, { readonly: true });
  try {
    return auditChainHead(db);
  } finally {
    db.close();
  }
}

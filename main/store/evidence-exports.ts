import type { EvidenceExport, EvidenceScope } from '../../preload/contract/evidence.ts';
import type { Db } from './database.ts';

interface EvidenceExportRow {
  export_id: number;
  file_name: string;
  scope: string;
  exported_by: string;
  exported_at: string;
  bytes: number;
  sha256: string;
  payload_files: number;
  payload_bytes: number;
  fingerprint: string;
  audit_head: string;
}

function fromRow(row: EvidenceExportRow): EvidenceExport {
  return {
    exportId: row.export_id,
    fileName: row.file_name,
    // Written from a parsed scope by insertEvidenceExport (a JSON object by the table's CHECK); the API parses results again.
    scope: JSON.parse(row.scope) as EvidenceScope,
    exportedBy: row.exported_by,
    exportedAt: row.exported_at,
    bytes: row.bytes,
    sha256: row.sha256,
    payloadFiles: row.payload_files,
    payloadBytes: row.payload_bytes,
    fingerprint: row.fingerprint,
    auditHead: row.audit_head,
  };
}

/** Records a pack written; call it in the transaction of its audit event. */
export function insertEvidenceExport(db: Db, record: Omit<EvidenceExport, 'exportId'>): EvidenceExport {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO evidence_exports (file_name, scope, exported_by, exported_at, bytes, sha256, payload_files, payload_bytes, fingerprint, audit_head)
       VALUES (@fileName, @scope, @exportedBy, @exportedAt, @bytes, @sha256, @payloadFiles, @payloadBytes, @fingerprint, @auditHead)`,
    )
    .run({ ...record, scope: JSON.stringify(record.scope) });
  return { exportId: Number(lastInsertRowid), ...record };
}

export function listEvidenceExports(db: Db): EvidenceExport[] {
  return (db.prepare('SELECT * FROM evidence_exports ORDER BY export_id DESC').all() as EvidenceExportRow[]).map(fromRow);
}

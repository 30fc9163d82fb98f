import { basename } from 'node:path';
import { appendAuditEvent } from '../../store/audit.ts';
import { inAsyncTransaction } from '../../store/database.ts';
import { diskFullSentence, isDiskFull } from '../../store/disk-full.ts';
import { isRiskDeskError, RiskDeskError } from '../../../preload/contract/errors.ts';
import { IMPORT_ENCODINGS, IMPORT_KINDS, type ImportEncoding, type ImportKind } from '../../../preload/contract/vocabulary.ts';
import type { CallOptions, ServiceContext } from '../context.ts';
import { requirePermission } from '../permissions.ts';
import { openCsvFile, unreadable } from './csv-file.ts';
import { type ImportProgress, importRecords } from './import-records.ts';
import { KIND_SPECS } from './kinds/index.ts';
import { type ImportWarnings, ProblemLog, rejection } from './problems.ts';
import { isImportEncoding } from './text-encoding.ts';
import { workspaceLookups } from './workspace-lookups.ts';

export interface ImportCsvRequest {
  readonly kind: ImportKind;
  readonly file: string;
  /** How messages and the audit trail name the file, when not by its path (an upload, by the name it had). */
  readonly name?: string;
  /** The file's text encoding; UTF-8 (the format's own) when not given. */
  readonly encoding?: ImportEncoding;
  /**
   * Check the file without importing it: every row is validated exactly as the import would (it is the import,
   * rolled back at the end), and the summary says what the import would take in and warn about; nothing is written.
   */
  readonly checkOnly?: boolean;
}

export interface ImportSummary {
  readonly kind: ImportKind;
  readonly file: string;
  /** Data rows in the file (blank lines not counted); each was inserted or, for an id already present, updated. */
  readonly rows: number;
  /** SHA-256 of the file's bytes, as recorded in the audit event. */
  readonly sha256: string;
  readonly bytes: number;
  /** Values that were imported but are unusual (a 48 % rate): how many, and the first of them located like problems. */
  readonly warnings: ImportWarnings;
  /** False for a check (checkOnly): the file was validated in full and nothing was written. */
  readonly written: boolean;
}

/** Carries a check's summary out of the transaction, so that rolling back is what ends a check. */
class CheckedOnly {
  readonly summary: ImportSummary;
  constructor(summary: ImportSummary) {
    this.summary = summary;
  }
}

/**
 * Imports one CSV file of `kind` (DOMAIN.md formats) whole or not at all: every row is validated and written in
 * one transaction with its audit event; any problem, error or cancellation rolls the lot back. Re-importing
 * the same ids updates those rows in place.
 *
 * A check (`checkOnly`) is the same import, streamed the same way, that rolls back once the last row is read: a
 * second validator could drift from this one, and only the import itself finds what the database refuses (a loan
 * naming a borrower not yet imported). It takes the write lock for as long as an import would, and writes no audit
 * event, since nothing changed.
 */
export async function importCsv(ctx: ServiceContext, request: ImportCsvRequest, call: CallOptions<ImportProgress> = {}): Promise<ImportSummary> {
  requirePermission(ctx.actor, 'data.import');
  const { kind, file, encoding } = checkRequest(request);
  const { signal, onProgress } = call;
  const shown = request.name ?? file;
  if (signal?.aborted) throw cancelled(shown);
  const source = await openCsvFile(file, { signal, encoding });
  const { db } = ctx.workspace;
  try {
    return await inAsyncTransaction(db, `${shown} was not imported`, async () => {
      const log = new ProblemLog(shown);
      const warnings = new ProblemLog(shown);
      const env = workspaceLookups(db, ctx.now());
      const rows = await importRecords({ db, spec: KIND_SPECS[kind], source, env, log, warnings, signal, onProgress });
      if (log.total > 0) throw rejection(log, request.checkOnly ? 'cannot be imported (checked; nothing was written)' : undefined, source.retryEncoding());
      signal?.throwIfAborted();
      const sha256 = source.sha256();
      const summary: ImportSummary = { kind, file: shown, rows, sha256, bytes: source.totalBytes, warnings: { total: warnings.total, first: warnings.problems }, written: !request.checkOnly };
      if (request.checkOnly) throw new CheckedOnly(summary);
      appendAuditEvent(db, {
        actor: ctx.actor.username,
        action: 'data.import',
        subject: kind,
        details: { file: basename(shown), rows, sha256, warnings: warnings.total },
        at: ctx.now().toISOString(),
      });
      return summary;
    });
  } catch (error) {
    if (error instanceof CheckedOnly) return error.summary;
    throw importError(error, shown, signal, ctx.workspace.path);
  } finally {
    source.close();
  }
}

function isImportKind(value: unknown): value is ImportKind {
  return (IMPORT_KINDS as readonly unknown[]).includes(value);
}

function checkRequest(request: ImportCsvRequest): ImportCsvRequest {
  if (!isImportKind(request.kind)) {
    throw new RiskDeskError('INVALID_ARGUMENT', `${JSON.stringify(request.kind)} is not something RiskDesk imports; choose one of ${IMPORT_KINDS.join(', ')}.`);
  }
  if (typeof request.file !== 'string' || request.file.trim() === '') {
    throw new RiskDeskError('INVALID_ARGUMENT', 'No file was given to import.');
  }
  if (request.encoding !== undefined && !isImportEncoding(request.encoding)) {
    throw new RiskDeskError('INVALID_ARGUMENT', `${JSON.stringify(request.encoding)} is not an encoding RiskDesk imports; choose one of ${IMPORT_ENCODINGS.join(', ')}.`);
  }
  if (request.checkOnly !== undefined && typeof request.checkOnly !== 'boolean') {
    throw new RiskDeskError('INVALID_ARGUMENT', `checkOnly must be true or false, not ${JSON.stringify(request.checkOnly)}.`);
  }
  return request;
}

function cancelled(file: string): RiskDeskError {
  return new RiskDeskError('JOB_CANCELLED', `The import of ${file} was cancelled; nothing was written.`, { file });
}

function importError(error: unknown, file: string, signal: AbortSignal | undefined, workspace: string): RiskDeskError {
  if (signal?.aborted) return cancelled(file);
  if (isRiskDeskError(error)) return error;
  // Before the check below: a full disk's ENOSPC carries a syscall too, but it is the workspace's disk, not the file.
  if (isDiskFull(error)) {
    return new RiskDeskError('JOB_FAILED', `The import of ${file} stopped because ${diskFullSentence(workspace)}; nothing was written. Free some space there and import again.`, { file, diskFull: true });
  }
  // Errors carrying a syscall come from reading the file mid-stream (EIO, a vanished network share).
  if (typeof error === 'object' && error !== null && 'syscall' in error) return unreadable(file, error);
  const message = error instanceof Error ? error.message : String(error);
  return new RiskDeskError('JOB_FAILED', `The import of ${file} failed and nothing was written: ${message}`, { file });
}

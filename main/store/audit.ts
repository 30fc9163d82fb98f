import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditVerification } from '../../preload/contract/jobs.ts';
import type { Db } from './database.ts';
import { keysetBatches } from './keyset.ts';

/** What happened, by whom, to what. `details` must be JSON (no key material, no passphrases). */
export interface AuditEventInput {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details?: Record<string, unknown>;
  /** ISO 8601 UTC; the caller's clock, so services and tests control time. */
  readonly at: string;
}

export interface AuditEventRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The fixed start of every chain: SHA-256 of a constant, so an empty workspace has a known head. */
export const AUDIT_GENESIS_HASH = createHash('sha256').update('RiskDesk audit chain genesis v1').digest('hex');

function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('internal: audit event is not JSON-serialisable');
  return text;
}

/** SHA-256(previous hash bytes ‖ RFC 8785 canonical JSON of {seq, at, actor, action, subject, details}). */
export function auditEventHash(prevHash: string, event: Pick<AuditEventRow, 'seq' | 'at' | 'actor' | 'action' | 'subject'> & { details: unknown }): string {
  const body = canonicalJson({ seq: event.seq, at: event.at, actor: event.actor, action: event.action, subject: event.subject, details: event.details });
  return createHash('sha256').update(Buffer.from(prevHash, 'hex')).update(body, 'utf8').digest('hex');
}

/**
 * Appends one event to the chain. Call it inside the transaction that makes the change it records,
 * so that the change and its event commit or roll back together.
 */
export function appendAuditEvent(db: Db, input: AuditEventInput): AuditEventRow {
  if (!db.inTransaction) throw new Error('internal: audit events are appended inside the transaction of the change they record');
  const head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? AUDIT_GENESIS_HASH;
  const details = input.details ?? {};
  const hash = auditEventHash(prevHash, { seq, at: input.at, actor: input.actor, action: input.action, subject: input.subject, details });
  const row: AuditEventRow = { seq, at: input.at, actor: input.actor, action: input.action, subject: input.subject, details: canonicalJson(details), prev_hash: prevHash, hash };
  db.prepare(
    'INSERT INTO audit_events (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (@seq, @at, @actor, @action, @subject, @details, @prev_hash, @hash)',
  ).run(row);
  return row;
}

/** Where a verifier starts: the first seq it expects and the hash of the event before it. */
export interface AuditChainStart {
  readonly seq: number;
  readonly prevHash: string;
}

/**
 * Incremental verifier, so that a worker can feed rows in batches and report progress. It starts at the genesis
 * (seq 1) for the whole chain, or at a given seq and previous hash for a slice of it (an evidence pack's).
 */
export class AuditChainVerifier {
  private readonly firstSeq: number;
  private expectedSeq: number;
  private prevHash: string;
  private failure: { seq: number; reason: string } | null = null;

  constructor(start: AuditChainStart = { seq: 1, prevHash: AUDIT_GENESIS_HASH }) {
    this.firstSeq = start.seq;
    this.expectedSeq = start.seq;
    this.prevHash = start.prevHash;
  }

  /** Returns false once a row fails; later rows are not checked (the first bad row is what matters). */
  check(row: AuditEventRow): boolean {
    let details: unknown;
    try {
      details = JSON.parse(row.details);
    } catch {
      return this.checkEvent({ ...row, details: undefined }, 'its details are not valid JSON');
    }
    return this.checkEvent({ ...row, details });
  }

  /** As `check`, for an event whose details are already parsed (a line of an exported slice). */
  checkEvent(event: Omit<AuditEventRow, 'details'> & { details: unknown }, unreadable?: string): boolean {
    if (this.failure) return false;
    const fail = (reason: string): boolean => {
      this.failure = { seq: event.seq, reason };
      return false;
    };
    if (event.seq !== this.expectedSeq) return fail(`expected event ${this.expectedSeq} but found ${event.seq}: events are missing`);
    if (event.prev_hash !== this.prevHash) return fail('its previous-hash does not match the event before it');
    if (unreadable !== undefined) return fail(unreadable);
    if (auditEventHash(this.prevHash, event) !== event.hash) return fail('its contents do not match its hash');
    this.prevHash = event.hash;
    this.expectedSeq += 1;
    return true;
  }

  result(): AuditVerification {
    const events = this.expectedSeq - this.firstSeq;
    if (this.failure) return { ok: false, events, firstBadSeq: this.failure.seq, reason: this.failure.reason };
    return { ok: true, events, head: this.prevHash };
  }
}

export function verifyAuditChain(db: Db): AuditVerification {
  const verifier = new AuditChainVerifier();
  for (const row of db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<AuditEventRow>) {
    if (!verifier.check(row)) break;
  }
  return verifier.result();
}

export function countAuditEvents(db: Db): number {
  return db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
}

const AUDIT_EVENT_COLUMNS = ['seq', 'at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash'] as const;

/** The chain in seq order, `batchSize` events at a time (keyset-paged: every batch is an index seek, memory stays flat). */
export function auditEventBatches(db: Db, batchSize: number): Generator<AuditEventRow[]> {
  return keysetBatches<AuditEventRow & Record<string, unknown>>(db, { table: 'audit_events', columns: AUDIT_EVENT_COLUMNS, key: 'seq', batchSize });
}

/** The chain's newest event (seq 0 and the genesis hash for an empty chain): what backups and evidence packs carry as an anchor. */
export function auditChainHead(db: Db): { seq: number; hash: string } {
  const head = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return head ?? { seq: 0, hash: AUDIT_GENESIS_HASH };
}

/** The stored hash of event `seq` (the genesis hash for seq 0), or undefined when the chain has no such event. */
export function auditHashAt(db: Db, seq: number): string | undefined {
  if (seq === 0) return AUDIT_GENESIS_HASH;
  return db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(seq) as string | undefined;
}

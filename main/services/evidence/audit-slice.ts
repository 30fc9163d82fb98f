// The audit chain slice an evidence pack carries (format: payload-file.ts, AUDIT_EVENTS_PATH and auditSliceHeaderSchema):
// its lines as the pack writes them, and the check of a slice read back from a pack, with the chain logic of the
// workspace's own audit verifier, so that the pack and the workspace cannot disagree on what an intact chain is.
import { z } from 'zod';
import { AUDIT_GENESIS_HASH, AuditChainVerifier, type AuditEventRow } from '../../store/audit.ts';
import { AUDIT_EVENTS_PATH, type AuditSliceHeader } from './payload-file.ts';

/** One event of the slice as a line of audit-events.jsonl (no trailing newline), with its details as an object. */
export function auditEventLine(row: AuditEventRow): string {
  const details = JSON.parse(row.details) as unknown;
  return JSON.stringify({ seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details, prev_hash: row.prev_hash, hash: row.hash });
}

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const sliceEventSchema = z
  .object({
    seq: z.number().int().min(1),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    details: z.record(z.string(), z.unknown()),
    prev_hash: hash,
    hash,
  })
  .strict();

/** An event is a few hundred bytes; a line this long is not one, and is not buffered further. */
const MAX_LINE_BYTES = 1 << 20;
const NEWLINE = 0x0a;

export interface AuditSliceFinding {
  readonly ok: boolean;
  readonly message: string;
}

/**
 * Checks a slice against its header while its events file streams past: feed the file's bytes to `push` in order,
 * then `finish` says whether the events follow one another from `hashBeforeFirst` (consecutive seqs from `fromSeq`,
 * each hash recomputed) to `lastHash`, whether the header's count and range hold, and, when the slice ends at the
 * chain head, that the head is its last event. Only the first broken event is reported: the ones after it cannot be
 * judged.
 */
export class AuditSliceChecker {
  private readonly verifier: AuditChainVerifier;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private rest: Buffer = Buffer.alloc(0);
  private lineNumber = 0;
  private lineProblem: string | null = null;

  private readonly header: AuditSliceHeader;

  constructor(header: AuditSliceHeader) {
    this.header = header;
    this.verifier = new AuditChainVerifier({ seq: header.fromSeq ?? 1, prevHash: header.hashBeforeFirst });
  }

  push(chunk: Buffer): void {
    if (this.stopped()) return;
    let data = this.rest.length === 0 ? chunk : Buffer.concat([this.rest, chunk]);
    for (let end = data.indexOf(NEWLINE); end >= 0 && !this.stopped(); end = data.indexOf(NEWLINE)) {
      this.line(data.subarray(0, end));
      data = data.subarray(end + 1);
    }
    this.rest = data;
    if (this.rest.length > MAX_LINE_BYTES) this.lineProblem = `line ${this.lineNumber + 1} is longer than ${MAX_LINE_BYTES} bytes: it is not an audit event`;
  }

  finish(): AuditSliceFinding[] {
    if (this.rest.length > 0 && !this.stopped()) this.line(this.rest);
    this.rest = Buffer.alloc(0);
    if (this.lineProblem !== null) return [{ ok: false, message: `${AUDIT_EVENTS_PATH} ${this.lineProblem}` }];
    const chain = this.verifier.result();
    if (!chain.ok) return [{ ok: false, message: `event ${chain.firstBadSeq}: ${chain.reason}` }];
    const problems = this.headerProblems(chain.events, chain.head);
    if (problems.length > 0) return problems.map((message) => ({ ok: false, message }));
    const { fromSeq, toSeq, chainHead } = this.header;
    const range = fromSeq === null ? 'no events in the period' : `events ${fromSeq} to ${toSeq}`;
    return [{ ok: true, message: `${range} follow one another from the hash before the first to the last; the chain's head at export was event ${chainHead.seq}` }];
  }

  private stopped(): boolean {
    return this.lineProblem !== null || !this.verifier.result().ok;
  }

  private line(bytes: Buffer): void {
    this.lineNumber += 1;
    const where = `line ${this.lineNumber}`;
    if (this.header.fromSeq === null) {
      this.lineProblem = `${where} holds an event, but the slice's header says it has none`;
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(this.decoder.decode(bytes));
    } catch {
      this.lineProblem = `${where} is not a JSON object in UTF-8`;
      return;
    }
    const event = sliceEventSchema.safeParse(json);
    if (!event.success) {
      const issue = event.error.issues[0];
      this.lineProblem = `${where} is not an audit event (${issue ? `${issue.path.join('.') || 'the line'}: ${issue.message}` : 'wrong shape'})`;
      return;
    }
    this.verifier.checkEvent(event.data);
  }

  private headerProblems(events: number, lastHash: string): string[] {
    const { fromSeq, toSeq, hashBeforeFirst, chainHead } = this.header;
    const problems: string[] = [];
    if (events !== this.header.events) problems.push(`the slice holds ${events} events but its header says ${this.header.events}`);
    const expectedToSeq = fromSeq === null ? null : fromSeq + events - 1;
    if (toSeq !== expectedToSeq) problems.push(`the header says the slice ends at event ${toSeq ?? 'none'} but its events end at ${expectedToSeq ?? 'none'}`);
    if (lastHash !== this.header.lastHash) problems.push(`the slice's last hash ${lastHash} is not the ${this.header.lastHash} its header states`);
    if (fromSeq === 1 && hashBeforeFirst !== AUDIT_GENESIS_HASH) problems.push('the slice starts the chain but the hash before its first event is not the genesis hash');
    if (toSeq !== null && toSeq > chainHead.seq) problems.push(`the slice ends at event ${toSeq}, after the chain head ${chainHead.seq} it states`);
    if (toSeq !== null && toSeq === chainHead.seq && lastHash !== chainHead.hash) problems.push(`the slice ends at the chain head (event ${toSeq}) but its last hash is not the head's`);
    return problems;
  }
}

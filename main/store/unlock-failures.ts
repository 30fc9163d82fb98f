import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.ts';
import { appendAuditEvent } from './audit.ts';
import { inTransaction, type Db } from './database.ts';

/**
 * Failed unlocks of a workspace, kept in a small file beside it (`W.unlock-failures`) so that they outlive
 * the process that saw them: a new `riskdesk` process continues the throttle where the last one stopped, and
 * the next successful unlock writes them into the audit trail (they cannot go there when they happen: without
 * the key nothing can be written to the database).
 *
 * The file holds no secret: user names tried, when, and what was wrong. It is private to its owner like every
 * file RiskDesk writes. Someone who can delete it can also copy the keyring and guess offline, which the
 * README's threat model already says the throttle does not stop.
 */
const UNLOCK_FAILURES_SUFFIX = '.unlock-failures';

/** The attempts listed one by one; older ones are only counted, so the file stays small under a flood. */
export const MAX_LISTED_ATTEMPTS = 200;

const OUTCOMES = ['bad_passphrase', 'unknown_user'] as const;
export type UnlockFailureOutcome = (typeof OUTCOMES)[number];

const attemptSchema = z.object({
  at: z.string(),
  username: z.string().max(256),
  outcome: z.enum(OUTCOMES),
});
export type FailedUnlock = z.infer<typeof attemptSchema>;

const recordSchema = z.object({
  format: z.literal('riskdesk-unlock-failures'),
  version: z.literal(1),
  /** Failures since the last success: what the throttle's delay grows with. */
  consecutive: z.number().int().min(0),
  /** The latest of them; `consecutive - attempts.length` older ones are only counted. */
  attempts: z.array(attemptSchema).max(MAX_LISTED_ATTEMPTS),
});
export type UnlockFailureRecord = z.infer<typeof recordSchema>;

const EMPTY: UnlockFailureRecord = { format: 'riskdesk-unlock-failures', version: 1, consecutive: 0, attempts: [] };

/** A damaged record counts as this many failures: enough for the longest delay. */
const DAMAGED_COUNT = 16;

export function unlockFailuresPathFor(databasePath: string): string {
  return `${databasePath}${UNLOCK_FAILURES_SUFFIX}`;
}

/**
 * The record beside `databasePath`; none yet is an empty record. A damaged record (a crash cannot make one:
 * it is replaced atomically) counts as many failures rather than none, so that damaging it cannot reset the
 * throttle; its attempts are lost, and the next audit event counts them as unlisted.
 */
function readUnlockFailures(databasePath: string): UnlockFailureRecord {
  let text: string;
  try {
    text = fs.readFileSync(unlockFailuresPathFor(databasePath), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = recordSchema.safeParse(raw);
  return parsed.success && parsed.data.consecutive >= parsed.data.attempts.length ? parsed.data : { ...EMPTY, consecutive: DAMAGED_COUNT };
}

/** Adds one failure (atomically replacing the file) and returns the new record. */
export function recordUnlockFailure(databasePath: string, attempt: FailedUnlock): UnlockFailureRecord {
  const current = readUnlockFailures(databasePath);
  const next: UnlockFailureRecord = { ...current, consecutive: current.consecutive + 1, attempts: [...current.attempts, attempt].slice(-MAX_LISTED_ATTEMPTS) };
  writeFileAtomic(unlockFailuresPathFor(databasePath), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

/** Forgets the failures once they are in the audit trail (a success ends the run of failures). */
function clearUnlockFailures(databasePath: string): void {
  fs.rmSync(unlockFailuresPathFor(databasePath), { force: true });
}

/**
 * Writes the recorded failures into the audit trail of the workspace just unlocked, in one transaction, then
 * forgets them. Each listed attempt is one event at the time it was made, under the user name that was tried;
 * attempts beyond the list are one event that counts them. Should the process die between the commit and
 * the removal of the file, the next unlock records them again: a duplicate rather than a loss.
 */
export function auditUnlockFailures(db: Db, countedAs: string, context: { workspaceId: string; unlockedBy: string; now: Date }): number {
  const record = readUnlockFailures(countedAs);
  if (record.consecutive === 0) return 0;
  const subject = `workspace:${context.workspaceId}`;
  inTransaction(db, () => {
    const unlisted = record.consecutive - record.attempts.length;
    if (unlisted > 0) {
      appendAuditEvent(db, {
        actor: context.unlockedBy,
        action: 'session.unlock_failed.unlisted',
        subject,
        details: { count: unlisted, reason: 'earlier failed unlocks, beyond the latest that are listed one by one, or from a damaged record' },
        at: record.attempts[0]?.at ?? context.now.toISOString(),
      });
    }
    for (const attempt of record.attempts) {
      appendAuditEvent(db, { actor: attempt.username, action: 'session.unlock_failed', subject, details: { outcome: attempt.outcome, recordedAtUnlockBy: context.unlockedBy }, at: attempt.at });
    }
  });
  clearUnlockFailures(countedAs);
  return record.consecutive;
}

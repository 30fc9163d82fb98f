import type { Db } from './database.ts';

/** A refused step as the audit trail records it: `<kind action>.<step>.refused`, with the refusal's code. */
export interface RefusalEvent {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: { readonly code: string };
}

const REFUSED = '.refused';

/**
 * Whether the same person's same refusal (action and code) of `subject` is already recorded since the last event
 * about it that was not a refusal: then nothing has changed that a new record would tell an auditor, and repeating
 * a refused call cannot grow the trail without bound. Reads the subject's events newest first through
 * audit_events_subject, stopping at the first that is not a refusal.
 */
export function isStandingRefusal(db: Db, event: RefusalEvent): boolean {
  const newestFirst = db.prepare('SELECT actor, action, details FROM audit_events WHERE subject = ? ORDER BY seq DESC').iterate(event.subject) as IterableIterator<{
    actor: string;
    action: string;
    details: string;
  }>;
  for (const earlier of newestFirst) {
    if (!earlier.action.endsWith(REFUSED)) return false;
    if (earlier.actor === event.actor && earlier.action === event.action && (JSON.parse(earlier.details) as { code?: string }).code === event.details.code) return true;
  }
  return false;
}

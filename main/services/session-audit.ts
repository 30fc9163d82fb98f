import type { ServiceContext } from './context.ts';
import { auditedChange } from './lifecycle-service.ts';

/**
 * Why a session ended, as the trail records it: the lock reasons the page is told (idle, user, restore, rekey), and
 * two it is not: `closed` when the app or host stops, `switched` when an unlock opens another session in its place.
 */
export type SessionEndReason = 'idle' | 'user' | 'restore' | 'rekey' | 'closed' | 'switched';

function workspaceSubject(ctx: ServiceContext): string {
  return `workspace:${ctx.workspace.id}`;
}

/**
 * A session of the app or the browser host began: who, with which role. (Failed attempts are written by the next
 * successful unlock from the record kept beside the workspace: store/unlock-failures.ts. A `riskdesk` command's
 * unlock is not recorded as a session: what it changes or exports is recorded by that command's own event.)
 */
export function auditSessionUnlock(ctx: ServiceContext): void {
  auditedChange(
    ctx,
    () => undefined,
    () => ({ action: 'session.unlock', subject: workspaceSubject(ctx), details: { role: ctx.actor.role } }),
  );
}

/** A session ended, and why; written after its jobs have stopped and before its key is dropped. */
export function auditSessionLock(ctx: ServiceContext, reason: SessionEndReason): void {
  auditedChange(
    ctx,
    () => undefined,
    () => ({ action: 'session.lock', subject: workspaceSubject(ctx), details: { reason } }),
  );
}

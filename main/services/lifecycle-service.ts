// The services' side of the artefact lifecycle (preload/contract/lifecycle.ts): every step of every kind checks the
// kind's permission for it, and commits with its audit event in one transaction. A kind's service registers a
// ServiceArtefact; nothing here knows credit or any other area.
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { stepPermission, type ArtefactKind, type LifecycleFields, type LifecycleStep } from '../../preload/contract/lifecycle.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { isStandingRefusal } from '../store/audit-refusals.ts';
import { inTransaction } from '../store/database.ts';
import type { Lifecycle } from '../store/lifecycle.ts';
import type { ServiceContext } from './context.ts';
import { requirePermission } from './permissions.ts';

export interface AuditedEvent {
  readonly action: string;
  readonly subject: string;
  readonly details: Record<string, unknown>;
}

/** A change and its audit event, by the acting user at the context's time, in one transaction. */
export function auditedChange<T>(ctx: ServiceContext, change: (at: string) => T, event: (result: T) => AuditedEvent): T {
  const at = ctx.now().toISOString();
  const { db } = ctx.workspace;
  return inTransaction(db, () => {
    const result = change(at);
    appendAuditEvent(db, { actor: ctx.actor.username, at, ...event(result) });
    return result;
  });
}

export interface ServiceArtefact<T extends LifecycleFields> {
  readonly kind: ArtefactKind;
  /** The store's registration of the kind's table. */
  readonly lifecycle: Lifecycle<T>;
  /** Audit actions are `${action}.${step}` (and `.draft` for a new version), e.g. `credit.model.approve`. */
  readonly action: string;
  /** The audit subject of one version, e.g. `credit model 3`. */
  readonly subject: (id: number) => string;
  /** What every event of the kind says about the version besides the step's own details, e.g. a model's name. */
  readonly describe: (row: T) => Record<string, unknown>;
}

/**
 * What each step's event adds: four eyes is auditable from the approval alone, a rejection keeps its reason, an
 * approval and an activation what the reviewer checked.
 */
const STEP_DETAILS: { readonly [S in LifecycleStep]: (row: LifecycleFields) => Record<string, unknown> } = {
  submit: () => ({}),
  approve: (row) => ({ author: row.createdBy, submitter: row.submittedBy, comment: row.approvalComment }),
  reject: (row) => ({ author: row.createdBy, reason: row.rejectionReason }),
  activate: (row) => ({ comment: row.activationComment }),
};

/** The refusals an auditor follows: someone tried a step their role, four eyes or the version's state does not allow. */
const AUDITED_REFUSALS: ReadonlySet<string> = new Set(['FORBIDDEN', 'FOUR_EYES', 'INVALID_STATE']);

/**
 * Takes one step on version `id` of a kind, with its `words` (STEP_WORDS: a rejection's reason, an approval's or
 * activation's comment). Throws FORBIDDEN (the role may not take that step on that kind), NOT_FOUND, INVALID_STATE,
 * FOUR_EYES or, for a step without its words, INVALID_ARGUMENT; nothing is changed then. A FORBIDDEN, FOUR_EYES or
 * INVALID_STATE refusal of an existing version is audited on its own (auditRefusal).
 */
export function takeLifecycleStep<T extends LifecycleFields>(ctx: ServiceContext, artefact: ServiceArtefact<T>, step: LifecycleStep, id: number, words?: string): T {
  try {
    requirePermission(ctx.actor, stepPermission(artefact.kind, step));
    return auditedChange(
      ctx,
      (at) => artefact.lifecycle[step](ctx.workspace.db, id, { actor: ctx.actor.username, at, ...(words === undefined ? {} : { words }) }),
      (row) => ({ action: `${artefact.action}.${step}`, subject: artefact.subject(id), details: { ...artefact.describe(row), ...STEP_DETAILS[step](row) } }),
    );
  } catch (error) {
    if (error instanceof RiskDeskError && AUDITED_REFUSALS.has(error.code)) auditRefusal(ctx, artefact, step, id, error);
    throw error;
  }
}

/**
 * Records a refused step as `<action>.<step>.refused`, in a transaction of its own: the step's rolled back. Nothing
 * in it comes from the caller but the step and the id: the actor is the session's user, the details are the code
 * and message main produced. A refusal of a version that does not exist is not recorded (no event names a subject
 * that never was), nor is the same refusal again by the same person while nothing else has happened to the version
 * (isStandingRefusal), so that repeating a refused call cannot flood the trail.
 */
function auditRefusal<T extends LifecycleFields>(ctx: ServiceContext, artefact: ServiceArtefact<T>, step: LifecycleStep, id: number, error: RiskDeskError): void {
  const { db } = ctx.workspace;
  const event = { actor: ctx.actor.username, action: `${artefact.action}.${step}.refused`, subject: artefact.subject(id), details: { code: error.code, reason: error.message } };
  inTransaction(db, () => {
    if (!artefact.lifecycle.has(db, id) || isStandingRefusal(db, event)) return;
    appendAuditEvent(db, { ...event, at: ctx.now().toISOString() });
  });
}

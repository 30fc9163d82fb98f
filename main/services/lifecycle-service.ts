// The services' side of the artefact lifecycle (preload/contract/lifecycle.ts): every step of every kind checks the
// kind's permission for it, and commits with its audit event in one transaction. A kind's service registers a
// ServiceArtefact; nothing here knows credit or any other area.
import { stepPermission, type ArtefactKind, type LifecycleFields, type LifecycleStep } from '../../preload/contract/lifecycle.ts';
import { appendAuditEvent } from '../store/audit.ts';
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

/** What each step's event adds: four eyes is auditable from the approval alone, a rejection keeps its reason. */
const STEP_DETAILS: { readonly [S in LifecycleStep]: (row: LifecycleFields) => Record<string, unknown> } = {
  submit: () => ({}),
  approve: (row) => ({ author: row.createdBy, submitter: row.submittedBy }),
  reject: (row) => ({ author: row.createdBy, reason: row.rejectionReason }),
  activate: () => ({}),
};

/**
 * Takes one step (submit, approve, reject with `reason`, activate) on version `id` of a kind. Throws FORBIDDEN
 * (the role may not take that step on that kind), NOT_FOUND, INVALID_STATE, FOUR_EYES or, for a rejection without
 * a reason, INVALID_ARGUMENT; nothing is changed or audited then.
 */
export function takeLifecycleStep<T extends LifecycleFields>(ctx: ServiceContext, artefact: ServiceArtefact<T>, step: LifecycleStep, id: number, reason?: string): T {
  requirePermission(ctx.actor, stepPermission(artefact.kind, step));
  return auditedChange(
    ctx,
    (at) => artefact.lifecycle[step](ctx.workspace.db, id, { actor: ctx.actor.username, at, ...(reason === undefined ? {} : { reason }) }),
    (row) => ({ action: `${artefact.action}.${step}`, subject: artefact.subject(id), details: { ...artefact.describe(row), ...STEP_DETAILS[step](row) } }),
  );
}

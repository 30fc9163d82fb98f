// The case workflow's versioned artefacts, registered with the shared lifecycle service (steps, permissions, audit)
// and with the shipped defaults: SLA tables (compliance's, like parameter sets) and response playbooks (compliance's,
// like rule sets). Each is one JSON document, checked by the contract's schema.
import { playbooksSchema, shippedPlaybookSetSchema, shippedSlaTableSchema, slaHoursSchema, type PlaybookSet, type Playbooks, type SlaHours, type SlaTable } from '../../preload/contract/cases.ts';
import type { z } from 'zod';
import type { Permission } from '../../preload/contract/permissions.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { fileAlertsIntoCases, unfiledOpenAlerts } from '../store/case-filing.ts';
import { playbookSets, slaTables } from '../store/case-sets.ts';
import { inTransaction, type Db } from '../store/database.ts';
import type { DocumentSetStore } from '../store/document-sets.ts';
import type { ServiceContext } from './context.ts';
import { auditedChange, type ServiceArtefact } from './lifecycle-service.ts';
import { requirePermission } from './permissions.ts';
import { shippedDefault } from './shipped-defaults.ts';
import { validationFailure } from './validation-failure.ts';

export const SLA_TABLES: ServiceArtefact<SlaTable> = {
  kind: 'cases.slaTable',
  lifecycle: slaTables.lifecycle,
  action: 'cases.sla',
  subject: (version) => `SLA table v${version}`,
  describe: () => ({}),
};

export const PLAYBOOK_SETS: ServiceArtefact<PlaybookSet> = {
  kind: 'cases.playbooks',
  lifecycle: playbookSets.lifecycle,
  action: 'cases.playbooks',
  subject: (version) => `playbooks v${version}`,
  describe: () => ({}),
};

/**
 * Saving a new draft of a kind: its edit permission, the document checked against the kind's schema whatever the front
 * end (VALIDATION naming the field, and `source`, e.g. the file it came from), and the draft with its audit event.
 */
function draftSaver<D, R extends { version: number }>(store: DocumentSetStore<R>, artefact: Pick<ServiceArtefact<never>, 'action' | 'subject'>, permission: Permission, schema: z.ZodType<D>, what: string) {
  return (ctx: ServiceContext, content: unknown, note: string, source?: string): R => {
    requirePermission(ctx.actor, permission);
    const parsed = schema.safeParse(content);
    if (!parsed.success) throw validationFailure(source === undefined ? what : `${what} in ${source}`, parsed.error.issues);
    const document = parsed.data;
    return auditedChange(
      ctx,
      (at) => store.insertDraft(ctx.workspace.db, { document, note, createdBy: ctx.actor.username, at }),
      (set) => ({ action: `${artefact.action}.draft`, subject: artefact.subject(set.version), details: { note, document } }),
    );
  };
}

export const saveDraftSlaTable = draftSaver<SlaHours, SlaTable>(slaTables, SLA_TABLES, 'parameters.edit', slaHoursSchema, 'SLA table');
export const saveDraftPlaybookSet = draftSaver<Playbooks, PlaybookSet>(playbookSets, PLAYBOOK_SETS, 'rules.edit', playbooksSchema, 'playbooks');

export function listSlaTables(ctx: ServiceContext): SlaTable[] {
  requirePermission(ctx.actor, 'workspace.read');
  return slaTables.list(ctx.reader);
}

export function listPlaybookSets(ctx: ServiceContext): PlaybookSet[] {
  requirePermission(ctx.actor, 'workspace.read');
  return playbookSets.list(ctx.reader);
}

/** Version 1 of a document set, from its file under resources/, seeded with its audit event (`<action>.seed`). */
function shippedDocumentSet<D, R extends { version: number; note: string; document: D }>(
  file: string,
  schema: z.ZodType<{ note: string; document: D }>,
  store: DocumentSetStore<R>,
  artefact: Pick<ServiceArtefact<never>, 'action' | 'subject'>,
) {
  return shippedDefault({
    file,
    schema,
    present: (db) => store.lifecycle.hasVersions(db),
    seed: (db, shipped, at) => {
      const set = store.insertShipped(db, { ...shipped, at });
      return { action: `${artefact.action}.seed`, subject: artefact.subject(set.version), details: { note: set.note, document: set.document, file } };
    },
  });
}

export const SHIPPED_SLA_TABLE = shippedDocumentSet('sla-tables/sla-default.json', shippedSlaTableSchema, slaTables, SLA_TABLES);
export const SHIPPED_PLAYBOOKS = shippedDocumentSet('playbooks/playbooks-default.json', shippedPlaybookSetSchema, playbookSets, PLAYBOOK_SETS);

/**
 * Files every open alert that is in no case (raised by a build before cases, schema 90–110) into cases, with one audit
 * event by `system`, in one IMMEDIATE transaction; nothing (not even a write lock) when there is none. Returns the
 * number of alerts filed.
 */
export function fileUnfiledAlerts(db: Db, now: Date): number {
  if (unfiledOpenAlerts(db).length === 0) return 0;
  const at = now.toISOString();
  return inTransaction(db, () => {
    const alertIds = unfiledOpenAlerts(db);
    if (alertIds.length === 0) return 0;
    const { opened } = fileAlertsIntoCases(db, alertIds, at);
    appendAuditEvent(db, { actor: 'system', at, action: 'cases.file', subject: 'cases', details: { alerts: alertIds.length, casesOpened: opened } });
    return alertIds.length;
  });
}

// The case workflow's versioned artefacts, registered with the shared lifecycle service (steps, permissions, audit)
// and with the shipped defaults: SLA tables (compliance's, like parameter sets) and response playbooks (compliance's,
// like rule sets). Each is one JSON document, checked by the contract's schema.
import { playbooksSchema, shippedPlaybookSetSchema, shippedSlaTableSchema, slaHoursSchema, type PlaybookSet, type Playbooks, type SlaHours, type SlaTable } from '../../preload/contract/cases.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { fileAlertsIntoCases, unfiledOpenAlerts } from '../store/case-filing.ts';
import { playbookSets, slaTables } from '../store/case-sets.ts';
import { inTransaction, type Db } from '../store/database.ts';
import type { ServiceContext } from './context.ts';
import { draftSaver, shippedDocumentSet } from './document-set-service.ts';
import type { ServiceArtefact } from './lifecycle-service.ts';
import { requirePermission } from './permissions.ts';

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

export const saveDraftSlaTable = draftSaver<SlaHours, SlaTable>({ store: slaTables, artefact: SLA_TABLES, permission: 'parameters.edit', schema: slaHoursSchema, what: 'SLA table' });
export const saveDraftPlaybookSet = draftSaver<Playbooks, PlaybookSet>({ store: playbookSets, artefact: PLAYBOOK_SETS, permission: 'rules.edit', schema: playbooksSchema, what: 'playbooks' });

export function listSlaTables(ctx: ServiceContext): SlaTable[] {
  requirePermission(ctx.actor, 'workspace.read');
  return slaTables.list(ctx.reader);
}

export function listPlaybookSets(ctx: ServiceContext): PlaybookSet[] {
  requirePermission(ctx.actor, 'workspace.read');
  return playbookSets.list(ctx.reader);
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

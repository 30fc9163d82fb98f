import type { PlaybookSet, Playbooks, SlaHours, SlaTable } from '../../preload/contract/cases.ts';
import { documentSetStore } from './document-sets.ts';

/** The SLA tables cases take their due dates from: hours per case type and priority, versioned with the lifecycle. */
export const slaTables = documentSetStore<SlaHours, SlaTable>({
  table: 'sla_tables',
  documentColumn: 'document',
  label: (version) => `SLA table version ${version}`,
  present: (row) => row,
});

/** The response playbooks: per alert type, the steps a case works through; versioned with the lifecycle. */
export const playbookSets = documentSetStore<Playbooks, PlaybookSet>({
  table: 'playbook_sets',
  documentColumn: 'document',
  label: (version) => `playbook set version ${version}`,
  present: (row) => row,
});

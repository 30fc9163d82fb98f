import { playbooksSchema, slaHoursSchema } from '../../preload/contract/cases.ts';
import { readResourceJson } from '../services/resources-folder.ts';

/** The SLA hours and playbooks RiskDesk ships, as tests send them back as drafts (parsed, so a broken file fails here). */
export const SHIPPED_SLA_HOURS = slaHoursSchema.parse((readResourceJson('sla-tables/sla-default.json') as { document: unknown }).document);
export const SHIPPED_PLAYBOOKS_DOCUMENT = playbooksSchema.parse((readResourceJson('playbooks/playbooks-default.json') as { document: unknown }).document);

import { ALERT_SEVERITIES, type AlertSeverity } from '../../../../../preload/contract/alerts.ts';
import { CASE_TYPES, type CaseType, type Playbooks, type SlaHours } from '../../../../../preload/contract/cases.ts';
import type { Role } from '../../../../../preload/contract/permissions.ts';

/*
 * SLA tables and playbook sets as their draft forms edit them: every number as typed. `readSlaDraft` and
 * `readPlaybooksDraft` turn a draft back into the contract's document and list every problem at once, with the
 * field it belongs to, before anything is sent. The checks mirror preload/contract/cases.ts's schemas (main checks
 * again, and its VALIDATION error is shown as it words it).
 */

/** The schema's bounds: hours from 1 to a year; 1–30 steps a playbook; at most 200 playbooks; titles of 300, notes of 500. */
const MAX_HOURS = 24 * 365;
export const MAX_STEPS = 30;
export const MAX_PLAYBOOKS = 200;
const MAX_TITLE = 300;
const MAX_NOTE = 500;
const ALERT_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const STEP_ID = /^[a-z][a-z0-9_]{0,63}$/;

/** A problem: the field's id (as used by the form's inputs, and as main's paths name them) and a translation key. */
export interface DraftProblem {
  readonly field: string;
  readonly key: 'hours' | 'required' | 'tooLong' | 'duplicate' | 'alertType' | 'stepId' | 'stepCount' | 'playbookCount';
  readonly values?: Readonly<Record<string, string | number>>;
}

type Read<T> = { readonly ok: true; readonly document: T; readonly note: string } | { readonly ok: false; readonly problems: readonly DraftProblem[] };

function hoursOf(problems: DraftProblem[], field: string, text: string): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > MAX_HOURS) problems.push({ field, key: 'hours', values: { max: MAX_HOURS } });
  return value;
}

function noteOf(problems: DraftProblem[], text: string): string {
  const note = text.trim();
  if (note === '') problems.push({ field: 'note', key: 'required' });
  else if (note.length > MAX_NOTE) problems.push({ field: 'note', key: 'tooLong', values: { max: MAX_NOTE } });
  return note;
}

// ── SLA tables ─────────────────────────────────────────────────────────────────────────────────────────────────

export type SlaDraft = Readonly<Record<CaseType, Readonly<Record<AlertSeverity, string>>>>;

export const slaField = (type: CaseType, priority: AlertSeverity) => `${type}.${priority}`;

export function toSlaDraft(document: SlaHours): SlaDraft {
  return Object.fromEntries(CASE_TYPES.map((type) => [type, Object.fromEntries(ALERT_SEVERITIES.map((priority) => [priority, String(document[type][priority])]))])) as SlaDraft;
}

export function readSlaDraft(draft: SlaDraft, noteText: string): Read<SlaHours> {
  const problems: DraftProblem[] = [];
  const document = Object.fromEntries(
    CASE_TYPES.map((type) => [type, Object.fromEntries(ALERT_SEVERITIES.map((priority) => [priority, hoursOf(problems, slaField(type, priority), draft[type][priority])]))]),
  ) as SlaHours;
  const note = noteOf(problems, noteText);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document, note };
}

// ── Playbook sets ──────────────────────────────────────────────────────────────────────────────────────────────

export interface StepDraft {
  /** A React key that stays with the step while it moves. */
  readonly key: number;
  readonly step: string;
  readonly role: Role;
  readonly dueHours: string;
  readonly titleEn: string;
  readonly titleZh: string;
}

export interface PlaybookDraft {
  readonly key: number;
  readonly alertType: string;
  readonly steps: readonly StepDraft[];
}

let nextKey = 1;
const newKey = () => nextKey++;

export function blankStep(): StepDraft {
  return { key: newKey(), step: '', role: 'analyst', dueHours: '24', titleEn: '', titleZh: '' };
}

export function blankPlaybook(): PlaybookDraft {
  return { key: newKey(), alertType: '', steps: [blankStep()] };
}

export function toPlaybooksDraft(document: Playbooks): readonly PlaybookDraft[] {
  return document.playbooks.map((playbook) => ({
    key: newKey(),
    alertType: playbook.alertType,
    steps: playbook.steps.map((step) => ({ key: newKey(), step: step.step, role: step.role, dueHours: String(step.dueHours), titleEn: step.title.en, titleZh: step.title['zh-CN'] })),
  }));
}

function textOf(problems: DraftProblem[], field: string, text: string, max: number): string {
  const value = text.trim();
  if (value === '') problems.push({ field, key: 'required' });
  else if (value.length > max) problems.push({ field, key: 'tooLong', values: { max } });
  return value;
}

export function readPlaybooksDraft(draft: readonly PlaybookDraft[], noteText: string): Read<Playbooks> {
  const problems: DraftProblem[] = [];
  if (draft.length > MAX_PLAYBOOKS) problems.push({ field: 'playbooks', key: 'playbookCount', values: { max: MAX_PLAYBOOKS } });
  const alertTypes = new Set<string>();
  const playbooks = draft.map((playbook, i) => {
    const at = `playbooks.${i}`;
    const alertType = playbook.alertType.trim();
    if (alertType === '') problems.push({ field: `${at}.alertType`, key: 'required' });
    else if (alertType.length > 100 || !ALERT_TYPE.test(alertType)) problems.push({ field: `${at}.alertType`, key: 'alertType' });
    else if (alertTypes.has(alertType)) problems.push({ field: `${at}.alertType`, key: 'duplicate' });
    alertTypes.add(alertType);
    if (playbook.steps.length < 1 || playbook.steps.length > MAX_STEPS) problems.push({ field: `${at}.steps`, key: 'stepCount', values: { max: MAX_STEPS } });
    const stepIds = new Set<string>();
    const steps = playbook.steps.map((step, j) => {
      const stepAt = `${at}.steps.${j}`;
      const id = step.step.trim();
      if (id === '') problems.push({ field: `${stepAt}.step`, key: 'required' });
      else if (!STEP_ID.test(id)) problems.push({ field: `${stepAt}.step`, key: 'stepId' });
      else if (stepIds.has(id)) problems.push({ field: `${stepAt}.step`, key: 'duplicate' });
      stepIds.add(id);
      return {
        step: id,
        role: step.role,
        dueHours: hoursOf(problems, `${stepAt}.dueHours`, step.dueHours),
        title: { en: textOf(problems, `${stepAt}.title.en`, step.titleEn, MAX_TITLE), 'zh-CN': textOf(problems, `${stepAt}.title.zh-CN`, step.titleZh, MAX_TITLE) },
      };
    });
    return { alertType, steps };
  });
  const note = noteOf(problems, noteText);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: { playbooks }, note };
}

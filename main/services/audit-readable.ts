// An audit event's details as key–value items a person can read: amounts as money with their currency, ids of
// models, cases and set versions with those things' names, user names and codes marked so the screen can label them.
// The raw JSON stays beside them: it is what the hash covers, and these items are only a reading of it.
import type { AuditDetailItem, AuditDetailValue, AuditReferenceKind } from '../../preload/contract/audit-trail.ts';
import { currencyMinorDigits, isCurrencyCode, majorUnitsText } from '../engines/currency.ts';

/** Keys whose number is the id of a thing in the workspace, by the kind of thing. */
const REFERENCE_KEYS: Readonly<Record<string, AuditReferenceKind>> = {
  modelId: 'model',
  caseId: 'case',
  into: 'case',
  mergedInto: 'case',
  parameterVersion: 'creditParameters',
  ruleSetVersion: 'ruleSet',
  baselineVersion: 'ruleSet',
};

/** The subject of a lifecycle event names one version of a kind, e.g. `credit model 3`, `fraud rule set v2`. */
const SUBJECT_REFERENCES: readonly (readonly [RegExp, AuditReferenceKind])[] = [
  [/^credit model (\d+)$/, 'model'],
  [/^case (\d+)$/, 'case'],
  [/^credit parameters v(\d+)$/, 'creditParameters'],
  [/^fraud rule set v(\d+)$/, 'ruleSet'],
  [/^liquidity parameter set v(\d+)$/, 'liquidityParameters'],
  [/^SLA table v(\d+)$/, 'slaTable'],
  [/^playbooks v(\d+)$/, 'playbooks'],
];

const USER_KEYS: ReadonlySet<string> = new Set(['author', 'submitter', 'recordedAtUnlockBy', 'removedUser', 'startedBy', 'assignee', 'generatedBy', 'approvedBy']);
/** Values from a fixed vocabulary (roles, severities, outcomes, statuses): the screen shows their labels. */
const CODE_KEYS: ReadonlySet<string> = new Set(['outcome', 'severity', 'role', 'status', 'priority', 'disposition', 'type', 'language', 'frequency', 'scale', 'reason', 'via']);
/** Amounts the liquidity engine reports already in major units. */
const MAJOR_MONEY_KEYS: ReadonlySet<string> = new Set(['hqla', 'netOutflows']);
/** Moves that name users or statuses under the same keys (`from`, `to`): which is which depends on the action. */
const USER_KEYS_OF_ACTION: Readonly<Record<string, ReadonlySet<string>>> = { 'case.assign': new Set(['from', 'to']) };
const CODE_KEYS_OF_ACTION: Readonly<Record<string, ReadonlySet<string>>> = { 'case.transition': new Set(['from', 'to']) };

const MONEY_KEY = /^(.+?)(Minor|_minor)$/;
/** A list longer than this, or of anything but plain values, is summarised rather than spelled out. */
const LIST_LIMIT = 8;

export type NameOf = (kind: AuditReferenceKind, id: number) => string | null;

export interface ReadableEvent {
  readonly subjectName: string | null;
  readonly items: AuditDetailItem[];
}

function isPlain(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function plainValue(value: unknown): AuditDetailValue {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'flag', value };
  if (Array.isArray(value) && value.length <= LIST_LIMIT && value.every(isPlain)) return { kind: 'list', values: value.map(String) };
  return { kind: 'nested', entries: Array.isArray(value) ? value.length : Object.keys(value as object).length };
}

function majorToMinor(major: number, currency: string): number {
  return Math.round(major * 10 ** (isCurrencyCode(currency) ? currencyMinorDigits(currency) : 2));
}

/**
 * Reads one event. `baseCurrency` prices amounts whose details carry no `currency` of their own (a credit run's
 * totals are in the base currency, since runs cover base-currency loans only).
 */
export function readableAuditEvent(event: { action: string; subject: string; details: string }, nameOf: NameOf, baseCurrency: string): ReadableEvent {
  let subjectName: string | null = null;
  for (const [pattern, kind] of SUBJECT_REFERENCES) {
    const match = event.subject.match(pattern);
    if (match) {
      subjectName = nameOf(kind, Number(match[1]));
      break;
    }
  }
  let details: unknown;
  try {
    details = JSON.parse(event.details);
  } catch {
    return { subjectName, items: [{ key: 'details', value: { kind: 'text', text: event.details } }] };
  }
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return { subjectName, items: [{ key: 'details', value: plainValue(details) }] };
  const record = details as Record<string, unknown>;
  const currency = typeof record.currency === 'string' ? record.currency : baseCurrency;
  const items = Object.entries(record).map(([key, value]): AuditDetailItem => {
    const money = key.match(MONEY_KEY);
    if (money && typeof value === 'number') return { key: money[1] ?? key, value: { kind: 'money', minor: value, currency } };
    if (MAJOR_MONEY_KEYS.has(key) && typeof value === 'number') return { key, value: { kind: 'money', minor: majorToMinor(value, currency), currency } };
    const ref = REFERENCE_KEYS[key];
    if (ref && typeof value === 'number') return { key, value: { kind: 'ref', ref, id: value, name: nameOf(ref, value) } };
    if (typeof value === 'string' && (USER_KEYS.has(key) || USER_KEYS_OF_ACTION[event.action]?.has(key))) return { key, value: { kind: 'user', username: value } };
    if (typeof value === 'string' && (CODE_KEYS.has(key) || CODE_KEYS_OF_ACTION[event.action]?.has(key))) return { key, value: { kind: 'code', code: value } };
    return { key, value: plainValue(value) };
  });
  return { subjectName, items };
}

/** A label from a key (`eclMinor` → `ecl`, `recordedAtUnlockBy` → `recorded at unlock by`) for the export's English line. */
function keyWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
}

function valueText(value: AuditDetailValue): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return String(value.value);
    case 'flag':
      return value.value ? 'yes' : 'no';
    case 'none':
      return '—';
    case 'money':
      return `${majorUnitsText(value.minor, value.currency)} ${value.currency}`;
    case 'code':
      return value.code.replaceAll('_', ' ');
    case 'user':
      return value.username;
    case 'ref':
      return value.name === null ? `#${value.id}` : `${value.name} (#${value.id})`;
    case 'list':
      return value.values.join(', ');
    case 'nested':
      return `${value.entries} entries (see the raw JSON)`;
  }
}

/** The readable details as one line of English (`ecl: 1234.56 CNY; model: Retail 2026 (#3)`), as the CSV export writes them. */
export function readableDetailsText(readable: ReadableEvent): string {
  return readable.items.map((item) => `${keyWords(item.key)}: ${valueText(item.value)}`).join('; ');
}

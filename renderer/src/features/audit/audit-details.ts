import type { TFunction } from 'i18next';
import type { AuditDetailItem, AuditDetailValue } from '../../../../preload/contract/index.ts';
import { formatCount, formatMoney } from '../../format/numbers.ts';

/** i18next's `t` with a default, for keys that come from data (a detail's name, a code) and may have no translation. */
function labelOr(t: TFunction, key: string, fallback: string): string {
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: fallback });
}

/** `recordedAtUnlockBy` → `Recorded at unlock by`, `paid_off` → `Paid off`: what an untranslated name reads as. */
function humanised(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
  return words.replace(/^./, (first) => first.toUpperCase());
}

/** The label of a detail's key, translated where the app knows it. */
export function auditKeyLabel(t: TFunction, key: string): string {
  return labelOr(t, `audit.keys.${key}`, humanised(key));
}

/** A detail's value in the user's language: money in major units with its currency, names beside ids, codes by their labels. */
export function auditValueText(t: TFunction, locale: string, value: AuditDetailValue): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return formatCount(value.value, locale);
    case 'flag':
      return value.value ? t('common.yes') : t('common.no');
    case 'none':
      return '—';
    case 'money':
      return formatMoney(value.minor, value.currency, locale);
    case 'code':
      return labelOr(t, `audit.codes.${value.code}`, humanised(value.code));
    case 'user':
      return value.username;
    case 'ref':
      return value.name === null ? `#${value.id}` : `${value.name} (#${value.id})`;
    case 'list':
      return value.values.join(', ');
    case 'nested':
      return t('audit.nested', { count: value.entries });
  }
}

/** All of an event's details as one line, `Key: value; Key: value`, for the grid cell. */
export function auditDetailsLine(t: TFunction, locale: string, items: readonly AuditDetailItem[]): string {
  return items.map((item) => `${auditKeyLabel(t, item.key)}: ${auditValueText(t, locale, item.value)}`).join(t('audit.separator'));
}

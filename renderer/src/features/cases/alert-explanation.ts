import type { TFunction } from 'i18next';
import type { AlertExplanation, AlertFigure } from '../../../../preload/contract/alerts.ts';
import { labelOr } from '../../components/code-labels.ts';
import { formatCount, formatMoney } from '../../format/numbers.ts';

/** The message keys the screens know (main/engines/credit/alerts/ and manual alerts); others get the generic one. */
export const KNOWN_ALERT_TYPES = ['credit.stage_migration', 'credit.grade_drop', 'credit.dpd_crossing', 'credit.exposure_limit', 'credit.score_psi', 'credit.feature_csi', 'manual.review'] as const;
type KnownKey = (typeof KNOWN_ALERT_TYPES)[number];

function isKnown(key: string): key is KnownKey {
  return (KNOWN_ALERT_TYPES as readonly string[]).includes(key);
}

/** An alert type's name (credit.stage_migration → "Stage migration"), or its code. */
export function alertTypeLabel(t: TFunction, type: string): string {
  return labelOr(t, `cases.alertTypes.${type}`, type);
}

export function figureLabel(t: TFunction, name: string): string {
  return labelOr(t, `cases.figures.${name}`, name);
}

/** A figure's value in its unit: an ISO 4217 currency is minor units, days and counts whole, ratios to four places. */
export function formatFigure(value: number | string | undefined, unit: string | undefined, locale: string): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (unit && /^[A-Z]{3}$/.test(unit)) return formatMoney(value, unit, locale);
  if (Number.isInteger(value)) return formatCount(value, locale);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

/**
 * The alert's message in the user's language, filled in with its figures, or null for a key the screens do not
 * know (the page then lists the figures as they are).
 */
export function explanationText(t: TFunction, explanation: AlertExplanation, locale: string): string | null {
  const { key, figures } = explanation;
  if (!isKnown(key)) return null;
  const figure = (name: string): AlertFigure | undefined => figures.find((entry) => entry.name === name);
  const value = (name: string) => {
    const found = figure(name);
    return formatFigure(found?.value, found?.unit, locale);
  };
  const previous = (name: string) => {
    const found = figure(name);
    return formatFigure(found?.previous, found?.unit, locale);
  };
  const threshold = (name: string) => {
    const found = figure(name);
    return formatFigure(found?.threshold, found?.unit, locale);
  };
  switch (key) {
    case 'credit.stage_migration':
      return t('cases.explain.credit.stage_migration', { stage: value('stage'), previousStage: previous('stage'), grade: value('grade'), previousGrade: previous('grade'), dpd: value('dpd') });
    case 'credit.grade_drop':
      return t('cases.explain.credit.grade_drop', { notches: value('notches'), threshold: threshold('notches'), grade: value('grade'), previousGrade: previous('grade') });
    case 'credit.dpd_crossing':
      return t('cases.explain.credit.dpd_crossing', { dpd: value('dpd'), threshold: threshold('dpd'), previous: previous('dpd') });
    case 'credit.exposure_limit':
      return t('cases.explain.credit.exposure_limit', { ead: value('ead'), limit: threshold('ead'), loans: value('loans') });
    case 'credit.score_psi':
      return t('cases.explain.credit.score_psi', { psi: value('psi'), threshold: threshold('psi'), loans: value('loans') });
    case 'credit.feature_csi': {
      const [first] = figures;
      return t('cases.explain.credit.feature_csi', {
        count: figures.length,
        threshold: formatFigure(first?.threshold, first?.unit, locale),
        features: figures.map((entry) => `${entry.name} ${formatFigure(entry.value, entry.unit, locale)}`).join(', '),
      });
    }
    case 'manual.review':
      return t('cases.explain.manual.review');
  }
}

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../../preload/contract/index.ts';
import { formatTimestamp } from '../../format/numbers.ts';
import { labelOr } from '../../components/code-labels.ts';
import { alertTypeLabel } from './alert-explanation.ts';
import { usePlaybookStepTitle } from './playbook-titles.ts';

type AuditEventRow = MethodResult<'cases.timeline'>[number];
type Details = Record<string, unknown>;

function parseDetails(details: string): Details {
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Details) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const status = (t: TFunction, value: unknown) => labelOr(t, `cases.statuses.${text(value)}`, text(value));

/** An audit event about the case in words: "moved it from In review to Pending approval (disposition: …)". */
function describe(t: TFunction, event: AuditEventRow, stepTitle: (alertType: string, step: string) => string): string {
  const details = parseDetails(event.details);
  switch (event.action) {
    case 'case.assign':
      return t('cases.timeline.actions.case.assign', { to: text(details.to) });
    case 'case.transition': {
      const extras = [
        details.disposition ? t('cases.timeline.disposition', { disposition: labelOr(t, `cases.dispositions.${text(details.disposition)}`, text(details.disposition)) }) : null,
        details.reason ? t('cases.timeline.reason', { reason: text(details.reason) }) : null,
      ].filter((extra): extra is string => extra !== null);
      const moved = t('cases.timeline.actions.case.transition', { from: status(t, details.from), to: status(t, details.to) });
      return extras.length > 0 ? `${moved} (${extras.join('; ')})` : moved;
    }
    case 'case.note':
      return t('cases.timeline.actions.case.note');
    case 'case.action':
      return t('cases.timeline.actions.case.action', { action: labelOr(t, `cases.actionNames.${text(details.action)}`, text(details.action)) });
    case 'case.step':
      return t('cases.timeline.actions.case.step', { step: stepTitle(text(details.alertType), text(details.step)), alertType: alertTypeLabel(t, text(details.alertType)) });
    case 'case.tags': {
      const tags = Array.isArray(details.tags) ? details.tags.map(text).join(', ') : '';
      return t('cases.timeline.actions.case.tags', { tags: tags || t('cases.timeline.noTags') });
    }
    case 'case.merge':
      return t('cases.timeline.actions.case.merge', { from: text(details.from) });
    case 'case.split':
      return t('cases.timeline.actions.case.split', { into: text(details.into) });
    case 'case.attach':
      return t('cases.timeline.actions.case.attach', { name: text(details.name) });
    case 'case.download':
      return t('cases.timeline.actions.case.download', { name: text(details.name) });
    case 'case.update':
      return t('cases.timeline.actions.case.update');
    case 'credit.run':
      return t('cases.timeline.actions.credit.run', { subject: event.subject });
    case 'alert.raise':
      return t('cases.timeline.actions.alert.raise', { subject: event.subject });
    default:
      return `${event.action} · ${event.subject}`;
  }
}

/** The audit events of the case, its alerts and the runs that raised them, oldest first: who did what, when. */
export function CaseTimeline({ events }: { events: readonly AuditEventRow[] | null }) {
  const { t } = useTranslation();
  const stepTitle = usePlaybookStepTitle();
  return (
    <section className="panel" aria-labelledby="case-timeline" data-testid="case-timeline">
      <h2 id="case-timeline">{t('cases.timeline.title')}</h2>
      {events === null && <p className="muted">{t('common.loading')}</p>}
      {events?.length === 0 && <p className="muted">{t('cases.timeline.none')}</p>}
      {events && events.length > 0 && (
        <ol className="case-timeline">
          {events.map((event) => (
            <li key={event.seq} data-testid="timeline-event" data-action={event.action}>
              <time className="muted small mono">{formatTimestamp(event.at)}</time> <strong>{event.actor}</strong> {describe(t, event, stepTitle)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

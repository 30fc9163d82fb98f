import { useTranslation } from 'react-i18next';
import { zonedTimestamp } from '../../../../preload/contract/index.ts';
import { FactList } from '../../components/FactList.tsx';
import { usePreferences } from '../../session/preferences.tsx';
import type { AuditRow } from './audit-columns.ts';
import { auditKeyLabel, auditValueText } from './audit-details.ts';

/**
 * One event of the trail: its details read item by item, and what its hash covers as stored (the raw JSON, the UTC
 * instant) with its hash and the previous event's, so that a reader can recompute it (README).
 */
export function AuditEventPanel({ event, timeZone, onClose }: { event: AuditRow; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <aside className="detail-panel" aria-label={t('audit.event.title', { seq: event.seq })} data-testid="audit-event">
      <div className="detail-head">
        <h2>{t('audit.event.title', { seq: event.seq })}</h2>
        <button type="button" className="button-icon" onClick={onClose} aria-label={t('common.close')} title={t('common.close')}>
          ×
        </button>
      </div>
      <div className="detail-body">
        <FactList
          facts={[
            [t('audit.columns.at'), zonedTimestamp(event.at, timeZone)],
            [t('audit.event.utc'), <span className="mono">{event.at}</span>],
            [t('audit.columns.actor'), event.actor],
            [t('audit.columns.action'), <span className="mono">{event.action}</span>],
            [t('audit.columns.subject'), event.subjectName ? `${event.subject} · ${event.subjectName}` : event.subject],
          ]}
        />
        {event.items.length > 0 && (
          <>
            <h3>{t('audit.columns.readable')}</h3>
            <FactList facts={event.items.map((item) => [auditKeyLabel(t, item.key), auditValueText(t, locale, item.value)] as const)} />
          </>
        )}
        <h3>{t('audit.event.raw')}</h3>
        <pre className="mono small audit-raw" data-testid="audit-raw">
          {JSON.stringify(JSON.parse(event.details), null, 2)}
        </pre>
        <FactList
          facts={[
            [t('audit.event.hash'), <span className="mono small audit-hash">{event.hash}</span>],
            [t('audit.event.prevHash'), <span className="mono small audit-hash">{event.prev_hash}</span>],
          ]}
        />
      </div>
    </aside>
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MethodArgs } from '../../../../preload/contract/index.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { CsvExportButton } from '../../components/CsvExportButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerGrid } from '../../components/grid/ServerGrid.tsx';
import { usePreferences } from '../../session/preferences.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { AUDIT_HIDDEN_BY_DEFAULT, auditColumns, userTimeZone, type AuditRow } from './audit-columns.ts';
import { AuditEventPanel } from './AuditEventPanel.tsx';
import { VerifyChain } from './VerifyChain.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { user } = useUnlocked();
  const timeZone = useMemo(userTimeZone, []);
  const columns = useMemo(() => auditColumns(t, locale, timeZone), [t, locale, timeZone]);
  const [open, setOpen] = useState<AuditRow | null>(null);
  return (
    <section className="page page-fill" aria-labelledby="page-title">
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <div className="audit-top">
        <VerifyChain />
        <div className="panel">
          <h2>{t('audit.evidence.title')}</h2>
          <p className="muted">{t('audit.evidence.explain')}</p>
          <Link to="/evidence" className="button">
            {t('audit.evidence.open')}
          </Link>
        </div>
      </div>
      <h2 className="section-title">{t('audit.trail')}</h2>
      <p className="muted small" data-testid="audit-zone">
        {t('audit.zone', { zone: timeZone })}
      </p>
      <div className="portfolio-body">
        <ServerGrid
          gridId="audit"
          testId="audit-grid"
          method="audit.events"
          columnDefs={columns}
          hiddenByDefault={AUDIT_HIDDEN_BY_DEFAULT}
          rowId={(row) => String(row.seq)}
          onOpen={setOpen}
          countLabel={(count, formatted) => t('audit.count', { count, formatted })}
          toolbar={(grid) =>
            allows(user.role, 'audit.export') && (
              <CsvExportButton
                label={t('audit.export')}
                testId="audit-export"
                // The grid's filters (who, what, which days), in chain order; times also in this zone.
                begin={grid && (() => api.call('audit.export', { filterModel: grid.getFilterModel() as MethodArgs<'audit.export'>['filterModel'], timeZone }))}
              />
            )
          }
        />
        {open && <AuditEventPanel event={open} timeZone={timeZone} onClose={() => setOpen(null)} />}
      </div>
    </section>
  );
}

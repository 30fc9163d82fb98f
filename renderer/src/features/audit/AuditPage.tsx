import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerGrid } from '../../components/grid/ServerGrid.tsx';
import { auditColumns } from './audit-columns.ts';
import { VerifyChain } from './VerifyChain.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const columns = useMemo(() => auditColumns(t), [t]);
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
      <div className="portfolio-body">
        <ServerGrid
          gridId="audit"
          testId="audit-grid"
          method="audit.events"
          columnDefs={columns}
          hiddenByDefault={[]}
          rowId={(row) => String(row.seq)}
          countLabel={(count, formatted) => t('audit.count', { count, formatted })}
        />
      </div>
    </section>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DEFAULT_BASE_CURRENCY } from '../../../../preload/contract/vocabulary.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerGrid } from '../../components/grid/ServerGrid.tsx';
import { currencyDigits } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { fraudAddress } from './fraud-address.ts';
import { FRAUD_HIDDEN_BY_DEFAULT, fraudColumns, fraudFilterFactors } from './fraud-columns.ts';
import { FraudDayCharts } from './FraudDayCharts.tsx';

/**
 * The fraud area: the latest finished fraud run's flags per day, and every flagged transaction in a server-side grid;
 * Enter or a click opens a transaction's explanation.
 */
export function FraudPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const summary = useCall(() => api.call('fraud.summary'), []);
  const run = summary.data?.run;
  // Amounts are filtered in the currency the run flagged most in (the workspace's, in practice).
  const currency = summary.data?.days[0]?.currency ?? DEFAULT_BASE_CURRENCY;
  const factors = useMemo(() => fraudFilterFactors(10 ** currencyDigits(currency)), [currency]);
  const columns = useMemo(() => fraudColumns(t, locale), [t, locale]);

  return (
    <section className="page page-fill" aria-labelledby="page-title" data-testid="fraud-page">
      <PageHeader
        title={t('nav.fraud')}
        subtitle={run ? t('fraud.runInfo', { run: run.runId, asOf: run.asOf, version: run.ruleSetVersion ?? t('fraud.transaction.unknownVersion') }) : t('fraud.subtitle')}
      />
      <ErrorNotice error={summary.error} />
      {summary.data && !run && (
        <p className="notice" data-testid="fraud-no-run">
          {t('fraud.noRun')}
        </p>
      )}
      {run && summary.data && <FraudDayCharts days={summary.data.days} />}
      <div className="portfolio-body">
        <ServerGrid
          gridId="fraud-alerts"
          testId="fraud-grid"
          method="fraud.alerts"
          columnDefs={columns}
          hiddenByDefault={FRAUD_HIDDEN_BY_DEFAULT}
          filterFactors={factors}
          rowId={(row) => row.tx_id}
          onOpen={(row) => void navigate(fraudAddress.transaction(row.tx_id))}
          countLabel={(count, formatted) => t('fraud.alertCount', { count, formatted })}
        />
      </div>
    </section>
  );
}

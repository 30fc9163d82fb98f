import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PricingRow, RunSummary } from '../../../../../preload/contract/index.ts';
import { api } from '../../../api/client.ts';
import { CsvDownloadButton } from '../../../components/CsvDownloadButton.tsx';
import { gridViewOf } from '../../../components/grid/grid-view.ts';
import { ServerGrid } from '../../../components/grid/ServerGrid.tsx';
import { currencyDigits, formatCount, formatMoney } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { pricingColumns, pricingFilterFactors } from './pricing-columns.ts';

/**
 * The latest run's loans whose rate does not cover their required rate; a row opens the loan in the portfolio. The
 * grid's view (its filters and sort) can be downloaded as CSV.
 */
export function PricingCheck({ run }: { run: RunSummary }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const { below, belowOutstandingMinor } = run.totals.pricing;
  const columns = useMemo(() => pricingColumns(t, locale, run.currency), [t, locale, run.currency]);
  const factors = useMemo(() => pricingFilterFactors(10 ** currencyDigits(run.currency)), [run.currency]);
  const openLoan = useCallback((row: PricingRow) => navigate(`/portfolio?loan=${encodeURIComponent(row.loan_id)}`), [navigate]);
  return (
    <section className="panel pricing-panel" aria-labelledby="pricing-title">
      <h2 id="pricing-title">{t('credit.pricing.title')}</h2>
      <p className="small" data-testid="pricing-summary">
        {t('credit.pricing.summary', { count: below, formatted: formatCount(below, locale), amount: formatMoney(belowOutstandingMinor, run.currency, locale) })}
      </p>
      <ServerGrid
        gridId="credit-pricing"
        testId="pricing-grid"
        method="credit.pricingCheck"
        columnDefs={columns}
        hiddenByDefault={[]}
        filterFactors={factors}
        rowId={(row) => row.loan_id}
        onOpen={openLoan}
        countLabel={(count, formatted) => t('portfolio.loanCount', { count, formatted })}
        toolbar={(grid) => grid && <CsvDownloadButton testId="export-pricing" disabled={below === 0} exportCsv={() => api.call('credit.exportPricing', gridViewOf(grid, factors))} />}
      />
    </section>
  );
}

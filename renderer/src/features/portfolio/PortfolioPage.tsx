import type { GridApi, RowClassRules } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BorrowerRow, LoanRow } from '../../../../preload/contract/index.ts';
import { DEFAULT_BASE_CURRENCY } from '../../../../preload/contract/vocabulary.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ServerGrid } from '../../components/grid/ServerGrid.tsx';
import { currencyDigits } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { useWorkspaceCurrency } from '../dashboard/dashboard-data.ts';
import { BORROWER_HIDDEN_BY_DEFAULT, borrowerColumns, borrowerFilterFactors } from './borrower-columns.ts';
import { ExportButton } from './ExportButton.tsx';
import { LOAN_HIDDEN_BY_DEFAULT, loanColumns, loanFilterFactors } from './loan-columns.ts';
import { LoanDetailPanel } from './LoanDetailPanel.tsx';
import { useAddressParams } from '../../components/use-address-params.ts';

type View = 'loans' | 'borrowers';

/**
 * Loans and borrowers of the whole workspace. The address holds the view (`?view=borrowers`), the open loan
 * (`?loan=…`) and a borrower to filter the loans by (`?borrower=…`, from the dashboard or the borrower grid).
 */
export function PortfolioPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [params, update] = useAddressParams();
  const view: View = params.get('view') === 'borrowers' ? 'borrowers' : 'loans';
  const openLoan = params.get('loan');
  const borrowerFilter = params.get('borrower');
  const [borrowersSeen, setBorrowersSeen] = useState(view === 'borrowers');
  const currency = useWorkspaceCurrency() ?? DEFAULT_BASE_CURRENCY;
  const moneyFactor = 10 ** currencyDigits(currency);
  const loanGrid = useRef<GridApi<LoanRow> | null>(null);
  const [loanGridApi, setLoanGridApi] = useState<GridApi<LoanRow> | null>(null);

  useEffect(() => {
    if (view === 'borrowers') setBorrowersSeen(true);
  }, [view]);


  // A borrower handed over in the address becomes the loan grid's borrower filter (then the grid owns it), scrolled
  // into view so that the user sees which filter narrowed the grid.
  useEffect(() => {
    const grid = loanGridApi;
    if (!grid || !borrowerFilter) return;
    grid.setFilterModel({ ...grid.getFilterModel(), borrower_id: { filterType: 'text', type: 'equals', filter: borrowerFilter } });
    grid.ensureColumnVisible('borrower_id');
    update({ borrower: null });
  }, [loanGridApi, borrowerFilter, update]);

  // Highlight the open loan's row.
  const openLoanRef = useRef(openLoan);
  useEffect(() => {
    openLoanRef.current = openLoan;
    loanGrid.current?.redrawRows();
  }, [openLoan]);
  const loanRowClasses = useMemo<RowClassRules<LoanRow>>(() => ({ 'row-open': ({ data }) => !!data && data.loan_id === openLoanRef.current }), []);

  const loanDefs = useMemo(() => loanColumns(t, locale), [t, locale]);
  const borrowerDefs = useMemo(() => borrowerColumns(t, locale, currency), [t, locale, currency]);
  const loanFactors = useMemo(() => loanFilterFactors(moneyFactor), [moneyFactor]);
  const borrowerFactors = useMemo(() => borrowerFilterFactors(moneyFactor), [moneyFactor]);
  const onLoanGridReady = useCallback((grid: GridApi<LoanRow>) => {
    loanGrid.current = grid;
    setLoanGridApi(grid);
  }, []);
  const openBorrower = useCallback((row: BorrowerRow) => update({ view: null, borrower: row.borrower_id, loan: null }), [update]);
  const closeLoan = useCallback(() => update({ loan: null }), [update]);

  return (
    <section className="page page-fill" aria-labelledby="page-title">
      <PageHeader title={t('nav.portfolio')} subtitle={t('portfolio.subtitle')} />
      <div className="tabs" role="tablist" aria-label={t('portfolio.views')}>
        {(['loans', 'borrowers'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={view === id}
            aria-controls={`panel-${id}`}
            className={view === id ? 'tab active' : 'tab'}
            onClick={() => update({ view: id === 'loans' ? null : id })}
          >
            {t(`portfolio.${id}`)}
          </button>
        ))}
      </div>
      <div className="portfolio-body" id="panel-loans" role="tabpanel" aria-labelledby="tab-loans" hidden={view !== 'loans'}>
        <ServerGrid
          gridId="loans"
          testId="loan-grid"
          method="portfolio.loans"
          columnDefs={loanDefs}
          hiddenByDefault={LOAN_HIDDEN_BY_DEFAULT}
          filterFactors={loanFactors}
          rowId={(row) => row.loan_id}
          onOpen={(row) => update({ loan: row.loan_id })}
          rowClassRules={loanRowClasses}
          countLabel={(count, formatted) => t('portfolio.loanCount', { count, formatted })}
          toolbar={(grid) => <ExportButton grid={grid} filterFactors={loanFactors} />}
          onReady={onLoanGridReady}
        />
        {openLoan && <LoanDetailPanel loanId={openLoan} onClose={closeLoan} />}
      </div>
      {borrowersSeen && (
        <div className="portfolio-body" id="panel-borrowers" role="tabpanel" aria-labelledby="tab-borrowers" hidden={view !== 'borrowers'}>
          <ServerGrid
            gridId="borrowers"
            testId="borrower-grid"
            method="portfolio.borrowers"
            columnDefs={borrowerDefs}
            hiddenByDefault={BORROWER_HIDDEN_BY_DEFAULT}
            filterFactors={borrowerFactors}
            rowId={(row) => row.borrower_id}
            onOpen={openBorrower}
            countLabel={(count, formatted) => t('portfolio.borrowerCount', { count, formatted })}
          />
        </div>
      )}
    </section>
  );
}

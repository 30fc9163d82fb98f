import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { LoanRow } from '../../../../preload/contract/index.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { CsvExportButton } from '../../components/CsvExportButton.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { exportArgsFor } from './export-loans.ts';

/** CSV export of exactly what the loan grid shows (filters, sort, visible columns), as a job. */
export function ExportButton({ grid, filterFactors }: { grid: GridApi<LoanRow> | null; filterFactors: Readonly<Record<string, number>> }) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  if (!allows(user.role, 'portfolio.export')) return null;
  return <CsvExportButton label={t('portfolio.exportCsv')} testId="export-csv" begin={grid && (() => api.call('portfolio.exportLoans', exportArgsFor(grid, filterFactors)))} />;
}

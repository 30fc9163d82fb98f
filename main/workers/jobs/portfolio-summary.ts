import type { Db } from '../../store/database.ts';
import { createPortfolioSummary, type LoanPosition, type PortfolioSummary } from '../../engines/credit/portfolio-summary.ts';
import type { BatchedInput } from '../protocol.ts';
import type { ReportProgress } from '../serve-job.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { keysetBatches } from './keyset.ts';

const COLUMNS = ['loan_id', 'product', 'currency', 'principal_minor', 'outstanding_balance_minor', 'dpd', 'status'] as const satisfies readonly (keyof LoanPosition)[];

export function summarizePortfolioJob(db: Db, input: BatchedInput, report: ReportProgress): PortfolioSummary {
  return inReadSnapshot(db, () => {
    const { n: total } = db.prepare('SELECT count(*) AS n FROM loans').get() as { n: number };
    const summary = createPortfolioSummary();
    let done = 0;
    report({ done, total, phase: 'summarising' });
    for (const rows of keysetBatches<LoanPosition & Record<string, unknown>>(db, { table: 'loans', columns: COLUMNS, key: 'loan_id', batchSize: input.batchSize ?? 5000 })) {
      summary.add(rows);
      done += rows.length;
      report({ done, total, phase: 'summarising' });
    }
    return summary.result();
  });
}

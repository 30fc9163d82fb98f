import type { CreditAnalytics } from '../../../preload/contract/credit.ts';
import { monthIndex, monthText } from '../../engines/calendar.ts';
import { concentration } from '../../engines/credit/portfolio/concentration.ts';
import { dpdBucket } from '../../engines/credit/portfolio/dpd-bucket.ts';
import { RollRates } from '../../engines/credit/portfolio/roll-rates.ts';
import { VintageCurves } from '../../engines/credit/portfolio/vintages.ts';
import { exposures, rollRateRows, vintageRows } from '../../store/credit-analytics-queries.ts';
import { latestPerformanceMonth } from '../../store/credit-features.ts';
import type { Db } from '../../store/database.ts';
import { baseCurrency } from '../../store/portfolio-queries.ts';
import type { ReportProgress } from '../serve-job.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';

/** Roll-rate matrices kept: the last twelve month-on-month transitions. */
const ROLL_RATE_MONTHS = 12;

/**
 * Vintages, roll rates and concentration in one pass over each source: the performance history is streamed
 * in primary-key order into the engines' accumulators, so memory stays flat at ten million rows.
 */
export function creditAnalyticsJob(db: Db, _input: Record<string, never>, report: ReportProgress): CreditAnalytics {
  return inReadSnapshot(db, () => {
    const end = latestPerformanceMonth(db);
    report({ done: 0, total: 3, phase: 'vintages' });
    const vintages = new VintageCurves();
    for (const row of vintageRows(db)) vintages.add(row.origination_date, row.first_default_month);
    report({ done: 1, total: 3, phase: 'roll rates' });
    const rollRates = new RollRates({ months: ROLL_RATE_MONTHS });
    if (end) {
      for (const [loanId, month, dpd, status] of rollRateRows(db, monthText(monthIndex(end) - ROLL_RATE_MONTHS))) rollRates.add(loanId, month, dpdBucket(dpd, status));
    }
    report({ done: 2, total: 3, phase: 'concentration' });
    const exposure = exposures(db);
    const result: CreditAnalytics = {
      currency: baseCurrency(db),
      vintages: end ? vintages.result(end) : [],
      rollRates: rollRates.result(),
      concentration: (['region', 'product', 'industry'] as const).map((dimension) => concentration(dimension, exposure[dimension])),
    };
    report({ done: 3, total: 3, phase: 'done' });
    return result;
  });
}

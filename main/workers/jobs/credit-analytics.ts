import type { CreditAnalytics } from '../../../preload/contract/credit.ts';
import { monthIndex, monthText } from '../../engines/calendar.ts';
import { concentration, dpdBucket, RollRates, VintageCurves } from '../../engines/credit/index.ts';
import { exposures, rollRateRows, vintageRows } from '../../store/credit-analytics-queries.ts';
import { latestPerformanceMonth } from '../../store/credit-features.ts';
import { baseCurrency } from '../../store/workspace-meta.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import type { EngineJob } from '../protocol.ts';

/** Roll-rate matrices kept: the last twelve month-on-month transitions. */
const ROLL_RATE_MONTHS = 12;

/**
 * Vintages, roll rates and concentration in one pass over each source: the performance history is streamed
 * in primary-key order into the engines' accumulators, so memory stays flat at ten million rows.
 */
export const creditAnalyticsJob: EngineJob<'credit-analytics'> = ({ reader }, _input, report) =>
  inReadSnapshot(reader, () => {
    const end = latestPerformanceMonth(reader);
    report({ done: 0, total: 3, phase: 'vintages' });
    const vintages = new VintageCurves();
    for (const row of vintageRows(reader)) vintages.add(row.origination_date, row.first_default_month);
    report({ done: 1, total: 3, phase: 'roll rates' });
    const rollRates = new RollRates({ months: ROLL_RATE_MONTHS });
    if (end) {
      for (const [loanId, month, dpd, status] of rollRateRows(reader, monthText(monthIndex(end) - ROLL_RATE_MONTHS))) rollRates.add(loanId, month, dpdBucket(dpd, status));
    }
    report({ done: 2, total: 3, phase: 'concentration' });
    const exposure = exposures(reader);
    const result: CreditAnalytics = {
      currency: baseCurrency(reader),
      vintages: end ? vintages.result(end) : [],
      rollRates: rollRates.result(),
      concentration: (['region', 'product', 'industry'] as const).map((dimension) => concentration(dimension, exposure[dimension])),
    };
    report({ done: 3, total: 3, phase: 'done' });
    return result;
  });

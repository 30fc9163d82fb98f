import { monthIndex, quarterText } from '../../engines/calendar.ts';
import { eventRateByBand, monitoringBasis, reportBands, scoreRows, StabilityByPeriod } from '../../engines/credit/index.ts';
import { readDevelopmentSample, scoringBatches } from '../../store/credit-features.ts';
import { getModel } from '../../store/credit-models.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import type { EngineJob } from '../protocol.ts';

/**
 * The model on today's data: PSI and CSI per origination quarter (every loan, scored from its application
 * features) against the development sample, and calibration on the seasoned loans as they stand now.
 */
export const creditMonitoringJob: EngineJob<'credit-monitoring'> = ({ reader }, input, report) =>
  inReadSnapshot(reader, () => {
    const model = getModel(reader, input.modelId);
    if (!model) throw new RiskDeskError('NOT_FOUND', `There is no model ${input.modelId}.`, { modelId: input.modelId });
    const basis = monitoringBasis(model.report);
    if (!basis) throw new RiskDeskError('INVALID_STATE', `Model ${input.modelId} has no fitted scorecard.`, { modelId: input.modelId });
    const { card, reference } = basis;
    const stability = new StabilityByPeriod(reference);
    report({ done: 0, total: 2, phase: 'stability by quarter' });
    for (const batch of scoringBatches(reader, { batchSize: input.batchSize ?? 5_000, population: 'all' })) {
      stability.add(batch.originationDates.map((date) => quarterText(monthIndex(date))), scoreRows(card, batch.columns));
    }
    report({ done: 1, total: 2, phase: 'calibration' });
    const sample = readDevelopmentSample(reader);
    const scored = scoreRows(card, sample.columns);
    const calibration = reportBands(eventRateByBand(scored.score, sample.events, reference.scoreCuts, scored.pd));
    report({ done: 2, total: 2, phase: 'done' });
    return { modelId: input.modelId, periods: stability.result(card.features), calibration };
  });

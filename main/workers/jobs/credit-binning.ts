import { binFlags, evaluateBinning, fromStoredBinning, holdoutMask, ivBand, toStoredBinning, type FeatureColumn } from '../../engines/credit/index.ts';
import { readFeatureColumn } from '../../store/credit-features.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import type { EngineJob } from '../protocol.ts';

/** The training rows of the development sample, split exactly as the development job splits them. */
function trainingRows(column: FeatureColumn, events: Uint8Array, fraction: number, seed: number): { column: FeatureColumn; events: Uint8Array } {
  if (fraction === 0) return { column, events };
  const mask = holdoutMask(events.length, fraction, seed);
  const keep = (_: unknown, i: number) => mask[i] === 0;
  const trainEvents = events.filter(keep);
  return column.type === 'numeric'
    ? { column: { ...column, values: column.values.filter(keep) }, events: trainEvents }
    : { column: { ...column, values: column.values.filter(keep) }, events: trainEvents };
}

/** One feature's bins re-counted on the training rows after an edit: the WOE and IV the analyst sees at once. */
export const creditBinningJob: EngineJob<'credit-binning'> = ({ reader }, input, report) => {
  const binning = fromStoredBinning(input.binning);
  report({ done: 0, total: 1, phase: 'reading' });
  const sample = inReadSnapshot(reader, () => readFeatureColumn(reader, binning.name));
  if (sample.column.type !== binning.type) {
    throw new RiskDeskError('INVALID_ARGUMENT', `${binning.name} is a ${sample.column.type} feature; the bins sent are ${binning.type}.`, { feature: binning.name });
  }
  const train = trainingRows(sample.column, sample.events, input.holdoutFraction, input.seed);
  const { counts, woe, iv } = evaluateBinning(binning, train.column, train.events);
  const flags = binFlags(binning, counts, { minBinShare: input.minBinShare, monotonic: input.monotonic });
  report({ done: 1, total: 1, phase: 'counted' });
  return {
    binning: toStoredBinning(binning),
    bins: binning.bins.map((bin, k) => {
      const c = counts[k] ?? { count: 0, events: 0 };
      return { label: bin.label, count: c.count, events: c.events, eventRate: c.count === 0 ? 0 : c.events / c.count, woe: woe[k] ?? 0, points: null, flags: flags[k] ?? [] };
    }),
    iv,
    ivBand: ivBand(iv),
  };
};

import type { StoredBinning } from '../../../preload/contract/credit.ts';
import type { FeatureColumn } from '../../engines/credit/scorecard/binning.ts';
import { evaluateBinning } from '../../engines/credit/scorecard/editing.ts';
import { holdoutMask } from '../../engines/credit/scorecard/split.ts';
import { fromStoredBinning, toStoredBinning } from '../../engines/credit/scorecard/stored.ts';
import { ivBand, type IvBand } from '../../engines/credit/scorecard/woe.ts';
import { readFeatureColumn } from '../../store/credit-features.ts';
import type { Db } from '../../store/database.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ReportProgress } from '../serve-job.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';

export interface CreditBinningInput {
  /** The bins to count, edits already applied. */
  readonly binning: StoredBinning;
  readonly holdoutFraction: number;
  readonly seed: number;
}

export interface CreditBinningResult {
  readonly binning: StoredBinning;
  readonly bins: { label: string; count: number; events: number; eventRate: number; woe: number; points: null }[];
  readonly iv: number;
  readonly ivBand: IvBand;
}

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
export function creditBinningJob(db: Db, input: CreditBinningInput, report: ReportProgress): CreditBinningResult {
  const binning = fromStoredBinning(input.binning);
  report({ done: 0, total: 1, phase: 'reading' });
  const sample = inReadSnapshot(db, () => readFeatureColumn(db, binning.name));
  if (sample.column.type !== binning.type) {
    throw new RiskDeskError('INVALID_ARGUMENT', `${binning.name} is a ${sample.column.type} feature; the bins sent are ${binning.type}.`, { feature: binning.name });
  }
  const train = trainingRows(sample.column, sample.events, input.holdoutFraction, input.seed);
  const { counts, woe, iv } = evaluateBinning(binning, train.column, train.events);
  report({ done: 1, total: 1, phase: 'counted' });
  return {
    binning: toStoredBinning(binning),
    bins: binning.bins.map((bin, k) => {
      const c = counts[k] ?? { count: 0, events: 0 };
      return { label: bin.label, count: c.count, events: c.events, eventRate: c.count === 0 ? 0 : c.events / c.count, woe: woe[k] ?? 0, points: null };
    }),
    iv,
    ivBand: ivBand(iv),
  };
}

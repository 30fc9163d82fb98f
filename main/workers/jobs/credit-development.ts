import { developmentReport, developScorecard, fromStoredBinning, UNFITTABLE_BIN_FLAG, type ScorecardDevelopment } from '../../engines/credit/index.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { readDevelopmentSample } from '../../store/credit-features.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import type { EngineJob } from '../protocol.ts';

/**
 * A bin edited by hand that holds no development rows has no WOE: the scorecard would score it as average by accident.
 * Refused with the bins to merge, rather than fitted and offered for acceptance.
 */
function refuseUnfittableBins(development: ScorecardDevelopment): void {
  const empty = development.features.flatMap((f) => (f.hand_binned ? f.bins.filter((b) => b.flags.includes(UNFITTABLE_BIN_FLAG)).map((b) => `${f.name} ${b.label}`) : []));
  if (empty.length > 0) {
    throw new RiskDeskError('INVALID_ARGUMENT', `These bins edited by hand hold no development rows, so they have no WOE: ${empty.join('; ')}. Merge each with a neighbour and refit.`, { bins: empty });
  }
}

/** Reads the seasoned loans with their default flags, then develops and validates a scorecard on them. */
export const creditDevelopmentJob: EngineJob<'credit-development'> = ({ reader }, { options }, report) => {
  const sample = inReadSnapshot(reader, () => readDevelopmentSample(reader, (done, total) => report({ done, total, phase: 'reading loans' })));
  const excluded = new Set(options.exclude);
  const columns = sample.columns.filter((c) => !excluded.has(c.name));
  report({ done: 0, total: 1, phase: 'fitting' });
  const development = developScorecard(columns, sample.events, {
    ...(options.holdoutFraction > 0 ? { holdout: { fraction: options.holdoutFraction, seed: options.seed } } : {}),
    minBinShare: options.minBinShare,
    monotonic: options.monotonic,
    minIv: options.ivThreshold,
    maxCorrelation: options.maxCorrelation,
    binnings: options.binnings.filter((b) => !excluded.has(b.name)).map(fromStoredBinning),
    scaling: options.scaling,
    pValueThreshold: options.pValueThreshold,
  });
  refuseUnfittableBins(development);
  const result = developmentReport(development, sample);
  report({ done: 1, total: 1, phase: 'fitting' });
  return result;
};

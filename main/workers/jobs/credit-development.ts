import { developmentReport, developScorecard, fromStoredBinning } from '../../engines/credit/index.ts';
import { readDevelopmentSample } from '../../store/credit-features.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import type { EngineJob } from '../protocol.ts';

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
  });
  const result = developmentReport(development, sample);
  report({ done: 1, total: 1, phase: 'fitting' });
  return result;
};

import type { DevelopmentOptions, DevelopmentReport } from '../../../preload/contract/credit.ts';
import { developScorecard } from '../../engines/credit/scorecard/fit.ts';
import { fromStoredBinning } from '../../engines/credit/scorecard/stored.ts';
import { developmentReport } from '../../engines/credit/validation/development-report.ts';
import { readDevelopmentSample } from '../../store/credit-features.ts';
import type { Db } from '../../store/database.ts';
import type { ReportProgress } from '../serve-job.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';

export interface CreditDevelopmentInput {
  readonly options: DevelopmentOptions;
}

/** Reads the seasoned loans with their default flags, then develops and validates a scorecard on them. */
export function creditDevelopmentJob(db: Db, input: CreditDevelopmentInput, report: ReportProgress): DevelopmentReport {
  const { options } = input;
  const sample = inReadSnapshot(db, () => readDevelopmentSample(db, (done, total) => report({ done, total, phase: 'reading loans' })));
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
}

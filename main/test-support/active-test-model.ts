import { DEFAULT_SCALING } from '../../preload/contract/credit.ts';
import type { ServiceContext } from '../services/context.ts';
import { CREDIT_MODELS } from '../services/credit/credit-artefacts.ts';
import { developScorecard } from '../services/credit/credit-jobs-service.ts';
import { saveDraftModel } from '../services/credit/models-service.ts';
import { takeLifecycleStep } from '../services/lifecycle-service.ts';

/**
 * A scorecard developed on the workspace's loans with the CLI's default options, submitted by `analyst`, approved and
 * activated by `compliance` (four eyes): what a credit run needs before it can start.
 */
export async function activateTestModel(analyst: ServiceContext, compliance: ServiceContext, name: string): Promise<void> {
  const report = await developScorecard(analyst, { holdoutFraction: 0.3, seed: 1, minBinShare: 0.05, monotonic: true, ivThreshold: 0.02, maxCorrelation: 0.7, exclude: [], binnings: [], scaling: DEFAULT_SCALING, pValueThreshold: 0.05 });
  const model = saveDraftModel(analyst, report, name);
  takeLifecycleStep(analyst, CREDIT_MODELS, 'submit', model.modelId);
  takeLifecycleStep(compliance, CREDIT_MODELS, 'approve', model.modelId, 'Checked the holdout AUC');
  takeLifecycleStep(compliance, CREDIT_MODELS, 'activate', model.modelId, 'Checked the approval');
}

// Scorecard models and IFRS 9 parameter sets: new drafts, and reading them. Their lifecycle steps (submit, approve
// by a second person, reject, activate) go through the shared lifecycle service with the kinds of credit-artefacts.ts.
import { flaggedHandBins, MODEL_NAME_MAX_LENGTH, type CreditParameters, type DevelopmentReport, type ModelDetail, type ModelSummary, type ParameterSet } from '../../../preload/contract/credit.ts';
import { masterScaleProblems } from '../../engines/credit/index.ts';
import { findModelByName, getModel as getModelRow, insertDraftModel, listModels as listModelRows } from '../../store/credit-models.ts';
import { insertDraftParameterSet, listParameterSets as listParameterRows } from '../../store/credit-parameter-sets.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ServiceContext } from '../context.ts';
import { auditedChange } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { validationFailure } from '../validation-failure.ts';
import { CREDIT_MODELS, CREDIT_PARAMETER_SETS } from './credit-artefacts.ts';
import { unknownParameterCodes } from './parameter-codes.ts';

/**
 * A model's name is how people tell models apart in approvals, runs and reports: unique (ignoring case), and never cut
 * short behind the user's back: a longer one is refused with its length.
 */
function checkModelName(ctx: ServiceContext, name: string): void {
  const length = [...name].length;
  if (length === 0) throw validationFailure('model name', [{ path: ['name'], message: 'give the model a name' }]);
  if (length > MODEL_NAME_MAX_LENGTH) {
    throw validationFailure('model name', [{ path: ['name'], message: `names have at most ${MODEL_NAME_MAX_LENGTH} characters and this one has ${length}; shorten it (nothing was saved)` }]);
  }
  const taken = findModelByName(ctx.workspace.db, name);
  if (taken) throw validationFailure('model name', [{ path: ['name'], message: `model ${taken.modelId} (${taken.status}) is already called "${taken.name}"; choose another name` }]);
}

/**
 * Saves a development's scorecard as a draft. Flagged bins of features binned by hand (too small, one class, against
 * the trend) are saved only when the author accepts them knowingly: the acceptance is kept in the model's report
 * (shown with its validation) and in the audit event.
 */
export function saveDraftModel(ctx: ServiceContext, report: DevelopmentReport, rawName: string, acceptFlaggedBins = false): ModelSummary {
  requirePermission(ctx.actor, 'models.develop');
  const { scorecard } = report;
  if (!scorecard) throw new RiskDeskError('INVALID_STATE', `This development has no fitted scorecard (${report.model.message ?? report.model.status}); there is nothing to save.`);
  const name = rawName.trim();
  checkModelName(ctx, name);
  const flagged = flaggedHandBins(report);
  if (flagged.length > 0 && !acceptFlaggedBins) {
    const list = flagged.map((bin) => `${bin.feature} ${bin.label} (${bin.flags.join(', ')})`).join('; ');
    throw new RiskDeskError('INVALID_STATE', `Bins edited by hand are flagged: ${list}. Accept them knowingly to save this model, or edit the bins and refit.`, { bins: flagged });
  }
  return auditedChange(
    ctx,
    (at) => {
      const saved = flagged.length > 0 ? { ...report, acceptance: { acceptedBy: ctx.actor.username, acceptedAt: at, bins: flagged } } : report;
      return insertDraftModel(ctx.workspace.db, { name, scorecard, report: saved, trainingHash: report.trainingHash, rows: report.rows, createdBy: ctx.actor.username, at });
    },
    (model) => ({
      action: `${CREDIT_MODELS.action}.draft`,
      subject: CREDIT_MODELS.subject(model.modelId),
      details: {
        name,
        trainingHash: report.trainingHash,
        rows: report.rows,
        features: scorecard.features,
        aucHoldout: report.metrics?.holdout?.auc ?? null,
        scaling: scorecard.scaling,
        ...(flagged.length > 0 ? { acceptedFlaggedBins: flagged } : {}),
      },
    }),
  );
}

export function listModels(ctx: ServiceContext): ModelSummary[] {
  requirePermission(ctx.actor, 'workspace.read');
  return listModelRows(ctx.reader);
}

export function getModel(ctx: ServiceContext, modelId: number): ModelDetail {
  requirePermission(ctx.actor, 'workspace.read');
  const model = getModelRow(ctx.reader, modelId);
  if (!model) throw new RiskDeskError('NOT_FOUND', `There is no credit model ${modelId} in this workspace.`, { modelId });
  return model;
}

export function listParameterSets(ctx: ServiceContext): ParameterSet[] {
  requirePermission(ctx.actor, 'workspace.read');
  return listParameterRows(ctx.reader);
}

/** Shapes are checked by the contract; what zod cannot say (an ascending master scale ending at 1) is checked here. */
export function saveDraftParameterSet(ctx: ServiceContext, parameters: CreditParameters, note: string): ParameterSet {
  requirePermission(ctx.actor, 'parameters.edit');
  const problems = masterScaleProblems(parameters.masterScale);
  if (problems.length > 0) throw new RiskDeskError('INVALID_ARGUMENT', `The master scale is not valid: ${problems.join('; ')}`, { field: 'masterScale', problems });
  const unknownCodes = unknownParameterCodes(parameters);
  if (unknownCodes.length > 0) throw validationFailure('parameter set', unknownCodes);
  return auditedChange(
    ctx,
    (at) => insertDraftParameterSet(ctx.workspace.db, { parameters, note, createdBy: ctx.actor.username, at }),
    (set) => ({ action: `${CREDIT_PARAMETER_SETS.action}.draft`, subject: CREDIT_PARAMETER_SETS.subject(set.version), details: { note, parameters } }),
  );
}

// Scorecard models and IFRS 9 parameter sets: each change and its audit event commit in one transaction, and
// both go draft → approved (by someone other than the author: four eyes) → active.
import type { CreditParameters, DevelopmentReport, ModelDetail, ModelSummary, ParameterSet } from '../../../preload/contract/credit.ts';
import { masterScaleProblems } from '../../engines/credit/ifrs9/master-scale.ts';
import { appendAuditEvent } from '../../store/audit.ts';
import { activateModel as activateModelRow, approveModel as approveModelRow, getModel as getModelRow, insertDraftModel, listModels as listModelRows } from '../../store/credit-models.ts';
import {
  activateParameterSet as activateParameterRow,
  approveParameterSet as approveParameterRow,
  insertDraftParameterSet,
  listParameterSets as listParameterRows,
} from '../../store/credit-parameter-sets.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ServiceContext } from '../context.ts';
import { requirePermission } from '../permissions.ts';

function audited<T>(ctx: ServiceContext, change: (at: string) => T, event: (result: T) => { action: string; subject: string; details: Record<string, unknown> }): T {
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    const result = change(at);
    appendAuditEvent(ctx.db, { actor: ctx.actor.username, at, ...event(result) });
    return result;
  })();
}

export function saveDraftModel(ctx: ServiceContext, report: DevelopmentReport, name: string): ModelSummary {
  requirePermission(ctx.actor, 'models.develop');
  const { scorecard } = report;
  if (!scorecard) throw new RiskDeskError('INVALID_STATE', `This development has no fitted scorecard (${report.model.message ?? report.model.status}); there is nothing to save.`);
  return audited(
    ctx,
    (at) => insertDraftModel(ctx.db, { name, scorecard, report, trainingHash: report.trainingHash, rows: report.rows, createdBy: ctx.actor.username, at }),
    (model) => ({
      action: 'credit.model.draft',
      subject: `credit model ${model.modelId}`,
      details: { name, trainingHash: report.trainingHash, rows: report.rows, features: scorecard.features, aucHoldout: report.metrics?.holdout?.auc ?? null },
    }),
  );
}

export function listModels(ctx: ServiceContext): ModelSummary[] {
  requirePermission(ctx.actor, 'workspace.read');
  return listModelRows(ctx.db);
}

export function getModel(ctx: ServiceContext, modelId: number): ModelDetail {
  requirePermission(ctx.actor, 'workspace.read');
  const model = getModelRow(ctx.db, modelId);
  if (!model) throw new RiskDeskError('NOT_FOUND', `There is no credit model ${modelId} in this workspace.`, { modelId });
  return model;
}

export function approveModel(ctx: ServiceContext, modelId: number): ModelSummary {
  requirePermission(ctx.actor, 'models.approve');
  return audited(
    ctx,
    (at) => approveModelRow(ctx.db, modelId, ctx.actor.username, at),
    (model) => ({ action: 'credit.model.approve', subject: `credit model ${modelId}`, details: { name: model.name, author: model.createdBy } }),
  );
}

export function activateModel(ctx: ServiceContext, modelId: number): ModelSummary {
  requirePermission(ctx.actor, 'models.approve');
  return audited(
    ctx,
    (at) => activateModelRow(ctx.db, modelId, ctx.actor.username, at),
    (model) => ({ action: 'credit.model.activate', subject: `credit model ${modelId}`, details: { name: model.name } }),
  );
}

export function listParameterSets(ctx: ServiceContext): ParameterSet[] {
  requirePermission(ctx.actor, 'workspace.read');
  return listParameterRows(ctx.db);
}

/** Shapes are checked by the contract; what zod cannot say (an ascending master scale ending at 1) is checked here. */
export function saveDraftParameterSet(ctx: ServiceContext, parameters: CreditParameters, note: string): ParameterSet {
  requirePermission(ctx.actor, 'parameters.edit');
  const problems = masterScaleProblems(parameters.masterScale);
  if (problems.length > 0) throw new RiskDeskError('INVALID_ARGUMENT', `The master scale is not valid: ${problems.join('; ')}`, { field: 'masterScale', problems });
  return audited(
    ctx,
    (at) => insertDraftParameterSet(ctx.db, { parameters, note, createdBy: ctx.actor.username, at }),
    (set) => ({ action: 'credit.parameters.draft', subject: `credit parameters v${set.version}`, details: { note, parameters } }),
  );
}

export function approveParameterSet(ctx: ServiceContext, version: number): ParameterSet {
  requirePermission(ctx.actor, 'parameters.edit');
  return audited(
    ctx,
    (at) => approveParameterRow(ctx.db, version, ctx.actor.username, at),
    (set) => ({ action: 'credit.parameters.approve', subject: `credit parameters v${version}`, details: { author: set.createdBy } }),
  );
}

export function activateParameterSet(ctx: ServiceContext, version: number): ParameterSet {
  requirePermission(ctx.actor, 'parameters.edit');
  return audited(
    ctx,
    (at) => activateParameterRow(ctx.db, version, ctx.actor.username, at),
    () => ({ action: 'credit.parameters.activate', subject: `credit parameters v${version}`, details: {} }),
  );
}

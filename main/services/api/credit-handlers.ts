import type { MethodName } from '../../../preload/contract/index.ts';
import { checkDevelopmentOptions, creditAnalytics, developScorecard, evaluateBinning, modelMonitoring, runCreditPortfolio } from '../credit/credit-jobs-service.ts';
import { creditRuns, loanRisk, loanRiskHistory, pricingCheckPage } from '../credit/run-results-service.ts';
import { CREDIT_MODELS, CREDIT_PARAMETER_SETS } from '../credit/credit-artefacts.ts';
import { creditRunList, exportCreditRuns, exportPricingCheck } from '../credit/credit-exports.ts';
import { getModel, listModels, listParameterSets, saveDraftModel, saveDraftParameterSet } from '../credit/models-service.ts';
import type { HandlerTable } from './handler.ts';
import { writeLifecycleStep } from './lifecycle-step.ts';
import { startJob } from './start-job.ts';

type CreditMethods = Extract<MethodName, `credit.${string}`>;

/**
 * The credit area. Development and runs are jobs (progress, cancel); a development's report stays with its job
 * until it is saved as a draft model. Lifecycle steps (submit, approve, reject, activate) are writes behind the
 * session's write lock. Analytics and monitoring take seconds at a million loans, so they are jobs too; their
 * results are kept until the workspace changes, and a second request in the meantime finishes at once.
 */
export const creditHandlers: HandlerTable<CreditMethods> = {
  'credit.startDevelopment': (core, options) => {
    // Refused now rather than as a failed job a moment later.
    checkDevelopmentOptions(options);
    return startJob(core, 'credit-development', 'Scorecard development', (session, control) => developScorecard(session.ctx, options, control));
  },
  'credit.development': (core, { jobId }) => core.requireSession().jobs.finished(jobId, 'credit-development').result,
  'credit.evaluateBinning': (core, args) => evaluateBinning(core.requireSession().ctx, args),
  'credit.saveModel': (core, { jobId, name, acceptFlaggedBins }) => {
    const session = core.requireSession();
    const report = session.jobs.finished(jobId, 'credit-development').result;
    return session.write(() => saveDraftModel(session.ctx, report, name, acceptFlaggedBins === true));
  },
  'credit.models': (core) => listModels(core.requireSession().ctx),
  'credit.model': (core, { modelId }) => getModel(core.requireSession().ctx, modelId),
  'credit.submitModel': (core, { modelId }) => writeLifecycleStep(core, CREDIT_MODELS, 'submit', modelId),
  'credit.approveModel': (core, { modelId, comment }) => writeLifecycleStep(core, CREDIT_MODELS, 'approve', modelId, comment),
  'credit.rejectModel': (core, { modelId, reason }) => writeLifecycleStep(core, CREDIT_MODELS, 'reject', modelId, reason),
  'credit.activateModel': (core, { modelId, comment }) => writeLifecycleStep(core, CREDIT_MODELS, 'activate', modelId, comment),
  'credit.startMonitoring': (core, { modelId }) =>
    startJob(core, 'credit-monitoring', `Model ${modelId} monitoring`, (session, control) => modelMonitoring(session.ctx, modelId, control)),
  'credit.monitoring': (core, { jobId }) => core.requireSession().jobs.finished(jobId, 'credit-monitoring').result,
  'credit.parameterSets': (core) => listParameterSets(core.requireSession().ctx),
  'credit.saveParameterSet': (core, { parameters, note }) => {
    const session = core.requireSession();
    return session.write(() => saveDraftParameterSet(session.ctx, parameters, note));
  },
  'credit.submitParameterSet': (core, { version }) => writeLifecycleStep(core, CREDIT_PARAMETER_SETS, 'submit', version),
  'credit.approveParameterSet': (core, { version, comment }) => writeLifecycleStep(core, CREDIT_PARAMETER_SETS, 'approve', version, comment),
  'credit.rejectParameterSet': (core, { version, reason }) => writeLifecycleStep(core, CREDIT_PARAMETER_SETS, 'reject', version, reason),
  'credit.activateParameterSet': (core, { version, comment }) => writeLifecycleStep(core, CREDIT_PARAMETER_SETS, 'activate', version, comment),
  'credit.startRun': (core, { asOf }) =>
    startJob(core, 'credit-run', asOf ? `Credit run as of ${asOf}` : 'Credit run', (session, control) => runCreditPortfolio(session.ctx, asOf === undefined ? {} : { asOf }, control)),
  'credit.runs': (core) => creditRuns(core.requireSession().ctx),
  'credit.runHistory': (core) => creditRunList(core.requireSession().ctx),
  // An export writes its audit event, so it takes the write lock like any other change.
  'credit.exportRuns': (core) => {
    const session = core.requireSession();
    return session.write(() => exportCreditRuns(session.ctx));
  },
  'credit.exportPricing': (core, view) => {
    const session = core.requireSession();
    return session.write(() => exportPricingCheck(session.ctx, view));
  },
  'credit.loanRisk': (core, { loanId }) => loanRisk(core.requireSession().ctx, loanId),
  'credit.loanRiskHistory': (core, { loanId }) => loanRiskHistory(core.requireSession().ctx, loanId),
  'credit.pricingCheck': (core, query) => pricingCheckPage(core.requireSession().ctx, query),
  'credit.startAnalytics': (core) => startJob(core, 'credit-analytics', 'Credit analytics', (session, control) => creditAnalytics(session.ctx, control)),
  'credit.analytics': (core, { jobId }) => core.requireSession().jobs.finished(jobId, 'credit-analytics').result,
};

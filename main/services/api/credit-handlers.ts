import type { MethodName, PricingRow } from '../../../preload/contract/index.ts';
import { PRICING_GRID } from '../../store/credit-runs.ts';
import { checkDevelopmentOptions, creditAnalytics, developScorecard, evaluateBinning, modelMonitoring, runCreditPortfolio } from '../credit/credit-jobs-service.ts';
import { creditRuns, loanRisk } from '../credit/run-results-service.ts';
import { CREDIT_MODELS, CREDIT_PARAMETER_SETS } from '../credit/credit-artefacts.ts';
import { getModel, listModels, listParameterSets, saveDraftModel, saveDraftParameterSet } from '../credit/models-service.ts';
import type { HandlerTable } from './handler.ts';
import { writeLifecycleStep } from './lifecycle-step.ts';
import { gridPage, type Grid } from './portfolio-handlers.ts';
import { startJob } from './start-job.ts';

type CreditMethods = Extract<MethodName, `credit.${string}`>;

const PRICING: Grid = { name: 'pricing', spec: PRICING_GRID };

/**
 * The credit area. Development and runs are jobs (progress, cancel); a development's report stays with its job
 * until it is saved as a draft model. Lifecycle steps (submit, approve, reject, activate) are writes behind the
 * session's write lock.
 */
export const creditHandlers: HandlerTable<CreditMethods> = {
  'credit.startDevelopment': (core, options) => {
    // Refused now rather than as a failed job a moment later.
    checkDevelopmentOptions(options);
    return startJob(core, 'credit-development', 'Scorecard development', (session, control) => developScorecard(session.ctx, core.pool(), options, control));
  },
  'credit.development': (core, { jobId }) => core.requireSession().jobs.finished(jobId, 'credit-development').result,
  'credit.evaluateBinning': (core, args) => {
    const session = core.requireSession();
    return evaluateBinning(session.ctx, core.pool(), {
      binning: args.binning,
      holdoutFraction: args.holdoutFraction,
      seed: args.seed,
      ...(args.edit ? { edit: args.edit } : {}),
    });
  },
  'credit.saveModel': (core, { jobId, name }) => {
    const session = core.requireSession();
    const report = session.jobs.finished(jobId, 'credit-development').result;
    return session.write(() => saveDraftModel(session.ctx, report, name));
  },
  'credit.models': (core) => listModels(core.requireSession().ctx),
  'credit.model': (core, { modelId }) => getModel(core.requireSession().ctx, modelId),
  'credit.submitModel': (core, { modelId }) => writeLifecycleStep(core, CREDIT_MODELS, 'submit', modelId),
  'credit.approveModel': (core, { modelId }) => writeLifecycleStep(core, CREDIT_MODELS, 'approve', modelId),
  'credit.rejectModel': (core, { modelId, reason }) => writeLifecycleStep(core, CREDIT_MODELS, 'reject', modelId, reason),
  'credit.activateModel': (core, { modelId }) => writeLifecycleStep(core, CREDIT_MODELS, 'activate', modelId),
  // Seconds at a million loans, so a job with progress; the result is kept until the workspace changes, and a
  // second request in the meantime finishes at once.
  'credit.startMonitoring': (core, { modelId }) =>
    startJob(core, 'credit-monitoring', `Model ${modelId} monitoring`, (session, control) =>
      session.cachedAsync(`credit-monitoring\u0000${modelId}`, () => modelMonitoring(session.ctx, core.pool(), modelId, control)),
    ),
  'credit.monitoring': (core, { jobId }) => core.requireSession().jobs.finished(jobId, 'credit-monitoring').result,
  'credit.parameterSets': (core) => listParameterSets(core.requireSession().ctx),
  'credit.saveParameterSet': (core, { parameters, note }) => {
    const session = core.requireSession();
    return session.write(() => saveDraftParameterSet(session.ctx, parameters, note));
  },
  'credit.submitParameterSet': (core, { version }) => writeLifecycleStep(core, CREDIT_PARAMETER_SETS, 'submit', version),
  'credit.approveParameterSet': (core, { version }) => writeLifecycleStep(core, CREDIT_PARAMETER_SETS, 'approve', version),
  'credit.rejectParameterSet': (core, { version, reason }) => writeLifecycleStep(core, CREDIT_PARAMETER_SETS, 'reject', version, reason),
  'credit.activateParameterSet': (core, { version }) => writeLifecycleStep(core, CREDIT_PARAMETER_SETS, 'activate', version),
  'credit.startRun': (core, { asOf }) =>
    startJob(core, 'credit-run', asOf ? `Credit run as of ${asOf}` : 'Credit run', (session, control) =>
      runCreditPortfolio(session.ctx, core.pool(), control.writer, asOf === undefined ? {} : { asOf }, control),
    ),
  'credit.runs': (core) => {
    const session = core.requireSession();
    return creditRuns(session.ctx, session.reader);
  },
  'credit.loanRisk': (core, { loanId }) => {
    const session = core.requireSession();
    return loanRisk(session.ctx, session.reader, loanId);
  },
  'credit.pricingCheck': (core, query) => gridPage<PricingRow>(core.requireSession(), PRICING, query),
  'credit.startAnalytics': (core) =>
    startJob(core, 'credit-analytics', 'Credit analytics', (session, control) => session.cachedAsync('credit-analytics', () => creditAnalytics(session.ctx, core.pool(), control))),
  'credit.analytics': (core, { jobId }) => core.requireSession().jobs.finished(jobId, 'credit-analytics').result,
};

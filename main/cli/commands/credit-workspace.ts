// The credit commands that work on a workspace: develop a scorecard on its seasoned loans and save it as a draft,
// list models and take them through their lifecycle (submit, approve by a second person, reject, activate), and
// run the portfolio.
import type { Command } from 'commander';
import { DEFAULT_SCALING, type CreditRunResult, type DevelopmentReport, type ModelSummary } from '../../../preload/contract/credit.ts';
import { developScorecard, runCreditPortfolio } from '../../services/credit/credit-jobs-service.ts';
import { CREDIT_MODELS } from '../../services/credit/credit-artefacts.ts';
import { listModels, saveDraftModel } from '../../services/credit/models-service.ts';
import type { CliIo, JsonValue } from '../cli-io.ts';
import { formatTable } from '../cli-io.ts';
import { addExamples, addUnlockOptions, boundedNumber, calendarDate, commandPath, fraction, outputFor, wholeNumber, type UnlockFlags } from '../command-options.ts';

import { addLifecycleCommands } from '../lifecycle-commands.ts';
import { noScorecard } from '../failure.ts';
import { runLongCommand } from '../long-command.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

function money(minor: number, currency: string): string {
  return `${(minor / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

function percent(value: number): string {
  return `${(100 * value).toFixed(2)} %`;
}

function runLines(run: CreditRunResult): string[] {
  const { totals, currency } = run;
  const coverage = (ecl: number, ead: number): string => (ead === 0 ? '' : percent(ecl / ead));
  return [
    `Credit run ${run.runId} as of ${run.asOf}: ${totals.loans.toLocaleString('en-US')} loans scored with model ${run.modelId} (${run.modelName}) and parameter set v${run.parameterVersion}.`,
    `EAD ${money(totals.eadMinor, currency)}, ECL ${money(totals.eclMinor, currency)} (coverage ${coverage(totals.eclMinor, totals.eadMinor)}).`,
    '',
    ...formatTable(
      ['stage', 'loans', 'EAD', 'ECL', 'coverage'],
      totals.byStage.map((s) => [s.stage, s.loans.toLocaleString('en-US'), money(s.eadMinor, currency), money(s.eclMinor, currency), coverage(s.eclMinor, s.eadMinor)]),
    ),
    '',
    ...formatTable(
      ['grade', 'loans', 'mean PD', 'EAD', 'ECL'],
      totals.byGrade.map((g) => [g.grade, g.loans.toLocaleString('en-US'), percent(g.meanPd), money(g.eadMinor, currency), money(g.eclMinor, currency)]),
    ),
    '',
    `Pricing check: ${totals.pricing.below.toLocaleString('en-US')} loans priced below funding cost + expected loss + operating cost + margin (outstanding ${money(totals.pricing.belowOutstandingMinor, currency)}).`,
    `Alerts: ${run.alerts.raised.toLocaleString('en-US')} raised, ${run.alerts.repeated.toLocaleString('en-US')} still open and seen again, ${run.alerts.casesOpened.toLocaleString('en-US')} cases opened (riskdesk cases list).`,
  ];
}

function addRunCommand(credit: Command, io: CliIo): void {
  const command = addUnlockOptions(
    credit
      .command('run')
      .description('score every open loan with the active scorecard and IFRS 9 parameter set (PD, grade, stage, ECL), store it as one run, and print the totals by stage and grade and the early-warning alerts it raised')
      .option('--as-of <date>', 'reporting date YYYY-MM-DD (default: the end of the latest performance month)', calendarDate('--as-of')),
  );
  addExamples(command, ['riskdesk credit run --db risk.rdw --user analyst', 'riskdesk credit run --db risk.rdw --user analyst --as-of 2024-12-31 --json']);
  command.action(async (flags: UnlockFlags & { asOf?: string }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const run = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'credit run', unit: 'items' }, (ctx, call, workspace) =>
      // The CLI runs one command at a time in its process: nothing else writes while the run holds the writer spec.
      runCreditPortfolio(ctx, flags.asOf === undefined ? {} : { asOf: flags.asOf }, { ...call, writer: workspace.writerSpec() }),
    );
    out.result({ run: run as unknown as JsonValue }, () => runLines(run));
  });
}

interface DevelopFlags extends UnlockFlags {
  name: string;
  holdout: number;
  seed: number;
  minBinShare: number;
  ivThreshold: number;
  pThreshold: number;
  exclude: string[];
  pdo: number;
  baseScore: number;
  baseOdds: number;
  wholePoints: boolean;
}

function featureList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((name) => name.trim()).filter((name) => name !== '')];
}

function developmentLines(report: DevelopmentReport, model: ModelSummary): string[] {
  const metric = (set: string, m: { rows: number; auc: number; gini: number; ks: number } | null | undefined): string[] => (m ? [set, String(m.rows), m.auc.toFixed(4), m.gini.toFixed(4), m.ks.toFixed(4)] : []);
  return [
    `Saved draft model ${model.modelId} "${model.name}": ${report.rows.toLocaleString('en-US')} loans (${report.events.toLocaleString('en-US')} defaults), ${model.features.length} features, training data ${report.trainingHash.slice(0, 12)}….`,
    report.sample,
    `Score scale: ${report.scaling.pdo} points double the odds; ${report.scaling.base_score} points at odds ${report.scaling.base_odds}:1${report.scaling.round_points ? '; whole points per bin' : ''}.`,
    '',
    ...formatTable(
      ['feature', 'IV', 'band', 'selected'],
      report.features.map((f) => [f.name, f.iv.toFixed(4), f.ivBand, f.selected ? 'yes' : `no: ${f.reason ?? ''}`]),
    ),
    '',
    ...formatTable(['set', 'rows', 'AUC', 'Gini', 'KS'], [metric('train', report.metrics?.train), metric('holdout', report.metrics?.holdout)].filter((r) => r.length > 0)),
    '',
    `Submit it for review (riskdesk credit model submit ${model.modelId} --db … --user …); then a second person (compliance) approves it.`,
  ];
}

function addDevelopCommand(credit: Command, io: CliIo): void {
  const command = addUnlockOptions(
    credit
      .command('develop')
      .description("develop a scorecard on the workspace's seasoned loans (event: DOMAIN.md's default flag) and save it as a draft model")
      .requiredOption('--name <name>', 'the model name')
      .option('--holdout <fraction>', 'share of loans held out for validation', fraction('--holdout', 0, 1), 0.3)
      .option('--seed <n>', 'seed of the holdout split', wholeNumber('--seed'), 1)
      .option('--min-bin-share <x>', 'smallest share of rows a bin may hold', fraction('--min-bin-share', 0, 0.5), 0.05)
      .option('--iv-threshold <x>', 'smallest information value a feature needs to be selected', boundedNumber('--iv-threshold', { min: 0, max: 1 }), 0.02)
      .option('--p-threshold <p>', 'coefficients with a Wald p-value above this are flagged not significant', fraction('--p-threshold', 0, 1), 0.05)
      .option('--exclude <features>', 'candidate features to leave out, comma-separated (repeatable)', featureList, [])
      .option('--pdo <points>', 'score scale: points to double the odds', boundedNumber('--pdo', { above: 0, max: 1000 }), DEFAULT_SCALING.pdo)
      .option('--base-score <points>', 'score scale: the score at the base odds', boundedNumber('--base-score', { min: -1e6, max: 1e6 }), DEFAULT_SCALING.base_score)
      .option('--base-odds <odds>', 'score scale: good:bad odds at the base score', boundedNumber('--base-odds', { above: 0, max: 1e6 }), DEFAULT_SCALING.base_odds)
      .option('--whole-points', 'round each bin\'s points to a whole number (the score is their sum)', false),
  );
  addExamples(command, [
    'riskdesk credit develop --db risk.rdw --user analyst --name "Application scorecard 2025"',
    'riskdesk credit develop --db risk.rdw --user analyst --name "Scale 500 at 20:1" --pdo 40 --base-score 500 --base-odds 20 --whole-points --exclude region',
  ]);
  command.action(async (flags: DevelopFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const { report, model } = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'credit develop', unit: 'items' }, async (ctx, call) => {
      const developed = await developScorecard(
        ctx,
        {
          holdoutFraction: flags.holdout,
          seed: flags.seed,
          minBinShare: flags.minBinShare,
          monotonic: true,
          ivThreshold: flags.ivThreshold,
          maxCorrelation: 0.7,
          exclude: flags.exclude,
          binnings: [],
          scaling: { pdo: flags.pdo, base_score: flags.baseScore, base_odds: flags.baseOdds, round_points: flags.wholePoints },
          pValueThreshold: flags.pThreshold,
        },
        call,
      );
      if (!developed.scorecard) throw noScorecard(developed.model, {});
      return { report: developed, model: saveDraftModel(ctx, developed, flags.name) };
    });
    out.result(
      { model: model as unknown as JsonValue, metrics: report.metrics as unknown as JsonValue, scaling: report.scaling as unknown as JsonValue, training_hash: report.trainingHash },
      () => developmentLines(report, model),
    );
  });
}

function addModelCommands(credit: Command, io: CliIo): void {
  const model = credit.command('model').description('scorecard models in the workspace: list, submit, approve (neither by the author nor the submitter), reject, activate');
  const list = addUnlockOptions(model.command('list').description('models, newest first, with their status and who did what'));
  list.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(list));
    const models = await withServiceContext(flags, passphrase, async (ctx) => listModels(ctx));
    out.result({ models: models as unknown as JsonValue }, () =>
      formatTable(
        ['id', 'name', 'status', 'author', 'submitted by', 'approved by', 'holdout AUC'],
        models.map((m) => [String(m.modelId), m.name, m.status, m.createdBy, m.submittedBy ?? '', m.approvedBy ?? '', m.metrics?.holdout?.auc.toFixed(4) ?? '']),
      ),
    );
  });
  addLifecycleCommands(model, io, { artefact: CREDIT_MODELS, noun: 'model', jsonKey: 'model', done: (m) => `Model ${m.modelId} "${m.name}" is now ${m.status}.` });
}

export function addWorkspaceCreditCommands(credit: Command, io: CliIo): void {
  addDevelopCommand(credit, io);
  addModelCommands(credit, io);
  addRunCommand(credit, io);
}

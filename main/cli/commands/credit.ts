import type { Command } from 'commander';
import { CONVENTIONS, fitCreditScorecard } from '../../services/credit/scorecard-fit.ts';
import type { CliIo, JsonValue } from '../cli-io.ts';
import { formatTable } from '../cli-io.ts';
import { addExamples, addJsonOption, commandPath, fraction, outputFor, wholeNumber, type JsonFlag } from '../command-options.ts';
import { noScorecard, usageError } from '../failure.ts';
import { addWorkspaceCreditCommands } from './credit-workspace.ts';

interface FitFlags extends JsonFlag {
  csv: string;
  target: string;
  event?: string;
  exclude?: string[];
  holdout?: number;
  seed?: number;
  minBinShare?: number;
  out?: string;
}

function columnList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((name) => name.trim()).filter((name) => name !== '')];
}

const round = (value: number, digits = 6): number => Number(value.toFixed(digits));

function addFitCommand(credit: Command, io: CliIo): void {
  const command = addJsonOption(
    credit
      .command('fit')
      .description('develop a scorecard on any labelled CSV: bins, WOE/IV, feature selection, logistic regression on WOE, points, validation (no workspace needed)')
      .requiredOption('--csv <file>', 'the labelled table (header row; NA or empty cells are missing)')
      .requiredOption('--target <column>', 'the column holding the outcome')
      .option('--event <value>', 'the target value that is the event (default: 1, true, yes, bad or default; case-insensitive)')
      .option('--exclude <columns>', 'columns to leave out, comma-separated (repeatable)', columnList)
      .option('--holdout <fraction>', 'share of rows held out for validation, e.g. 0.3 (needs --seed)', fraction('--holdout', 0, 1))
      .option('--seed <n>', 'seed of the reproducible holdout split', wholeNumber('--seed'))
      .option('--min-bin-share <x>', 'smallest share of rows a bin may hold (default 0.05)', fraction('--min-bin-share', 0, 0.5))
      .option('--out <dir>', 'also write scores.csv and woe.csv (one line per row) into DIR'),
  );
  addExamples(command, [
    'riskdesk credit fit --csv credit_data.csv --target Status --event bad --json',
    'riskdesk credit fit --csv loans.csv --target default --exclude loan_id --holdout 0.3 --seed 7 --out fit/',
  ]);
  command.action(async (flags: FitFlags) => {
    const out = outputFor(io, flags);
    if (flags.holdout !== undefined && flags.seed === undefined) {
      throw usageError('--holdout needs --seed N, so that the split can be reproduced.', commandPath(command));
    }
    const outcome = await fitCreditScorecard({
      csv: flags.csv,
      target: flags.target,
      ...(flags.event === undefined ? {} : { event: flags.event }),
      ...(flags.exclude === undefined ? {} : { exclude: flags.exclude }),
      ...(flags.holdout === undefined || flags.seed === undefined ? {} : { holdout: { fraction: flags.holdout, seed: flags.seed } }),
      ...(flags.minBinShare === undefined ? {} : { minBinShare: flags.minBinShare }),
      ...(flags.out === undefined ? {} : { outDir: flags.out }),
    });
    const { development: dev } = outcome;
    if (!dev.metrics) {
      throw noScorecard(dev.model, { iterations: dev.model.iterations, features: dev.features.filter((f) => f.selected).map((f) => f.name) });
    }
    for (const note of outcome.notes) out.warn(note);
    const payload = {
      rows: dev.rows,
      events: dev.events,
      target: outcome.target,
      event_values: outcome.eventValues,
      features: dev.features.map(({ binning: _rules, ...feature }) => feature) as unknown as JsonValue,
      model: dev.model as unknown as JsonValue,
      scaling: dev.scaling as unknown as JsonValue,
      metrics: dev.metrics as unknown as JsonValue,
      score_bands: dev.bands as unknown as JsonValue,
      stability: dev.stability as unknown as JsonValue,
      notes: outcome.notes,
      conventions: CONVENTIONS,
      written: outcome.written,
    };
    const human = (): string[] => {
      const metric = (name: string, m: { auc: number; gini: number; ks: number; brier: number; rows: number } | null): string[] =>
        m ? [name, String(m.rows), m.auc.toFixed(4), m.gini.toFixed(4), m.ks.toFixed(4), m.brier.toFixed(4)] : [];
      const metricsRows = [metric('train', dev.metrics?.train ?? null), metric('holdout', dev.metrics?.holdout ?? null)].filter((r) => r.length > 0);
      return [
        `Scorecard on ${dev.rows.toLocaleString('en-US')} rows (${dev.events.toLocaleString('en-US')} events), ${dev.model.coefficients.length} features in the model; Newton converged in ${dev.model.iterations} iterations.`,
        '',
        ...formatTable(
          ['feature', 'type', 'IV', 'band', 'bins', 'selected', 'coef', 'se'],
          dev.features.map((f) => {
            const c = dev.model.coefficients.find((x) => x.feature === f.name);
            return [f.name, f.type, round(f.iv, 4).toFixed(4), f.iv_band, String(f.bins.length), f.selected ? 'yes' : `no: ${f.reason ?? ''}`, c ? c.coef.toFixed(4) : '', c ? c.se.toFixed(4) : ''];
          }),
        ),
        '',
        ...formatTable(['set', 'rows', 'AUC', 'Gini', 'KS', 'Brier'], metricsRows),
        ...(outcome.written.length > 0 ? ['', `Wrote ${outcome.written.join(' and ')}.`] : []),
        '',
        'Bins, WOE and points per bin: add --json.',
      ];
    };
    // Scores and WOE per row of the user's own file: plaintext as that file is, but RiskDesk wrote them, so it says so.
    if (outcome.written.length > 0) out.plaintextResult(outcome.written, payload, human);
    else out.result(payload, human);
  });
}

export function addCreditCommands(program: Command, io: CliIo): void {
  const credit = program.command('credit').description('credit risk: scorecard development (any CSV) and portfolio runs (PD, grades, IFRS 9 ECL)');
  addExamples(credit, ['riskdesk credit fit --csv credit_data.csv --target Status --json', 'riskdesk credit run --db risk.rdw --user analyst']);
  addFitCommand(credit, io);
  addWorkspaceCreditCommands(credit, io);
}

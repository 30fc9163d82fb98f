// `riskdesk fraud run | alerts | score`: a run of the active rule set over the workspace's transactions, the
// transactions the latest run flagged, and streaming decisions (NDJSON in, one decision per line out, as each is read).
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { FraudRunResult } from '../../../preload/contract/fraud-runs.ts';
import type { BacktestResult, BacktestSummary } from '../../../preload/contract/fraud-backtests.ts';
import { openDecisionStream } from '../../services/fraud/decision-stream.ts';
import { backtestRuleSet } from '../../services/fraud/backtest-service.ts';
import { latestFlaggedTransactions, runFraud } from '../../services/fraud/fraud-run-service.ts';
import { formatTable, type CliIo, type JsonValue } from '../cli-io.ts';
import { addExamples, addUnlockOptions, calendarDate, commandPath, outputFor, wholeNumber, type UnlockFlags } from '../command-options.ts';
import { runLongCommand } from '../long-command.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function runLines(run: FraudRunResult): string[] {
  const period = run.from || run.to ? ` from ${run.from ?? 'the first'} to ${run.to ?? 'the last'} transaction date` : '';
  return [
    `Fraud run ${run.runId}${period}: ${count(run.transactions)} transactions scored with rule set v${run.ruleSetVersion}.`,
    `Flagged ${count(run.flagged)}: ${count(run.review)} for review, ${count(run.block)} to block (${(run.flaggedMinor / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} ${run.currency}).`,
    `Alerts: ${count(run.alerts.raised)} raised, ${count(run.alerts.repeated)} still open and seen again, ${count(run.alerts.casesOpened)} cases opened (riskdesk cases list).`,
  ];
}

interface PeriodFlags {
  from?: string;
  to?: string;
}

function addPeriodOptions(command: Command): Command {
  return command
    .option('--from <date>', 'first transaction date scored, YYYY-MM-DD (UTC); earlier transactions are read for their history only', calendarDate('--from'))
    .option('--to <date>', 'last transaction date scored, YYYY-MM-DD (UTC)', calendarDate('--to'));
}

function periodOf(flags: PeriodFlags): { from?: string; to?: string } {
  return { ...(flags.from === undefined ? {} : { from: flags.from }), ...(flags.to === undefined ? {} : { to: flags.to }) };
}

function addRunCommand(fraud: Command, io: CliIo): void {
  const command = addUnlockOptions(
    addPeriodOptions(
      fraud.command('run').description("score the workspace's transactions with the active rule set (each with features from its past only), store the flagged ones and raise an alert for each"),
    ),
  );
  addExamples(command, ['riskdesk fraud run --db risk.rdw --user analyst', 'riskdesk fraud run --db risk.rdw --user analyst --from 2024-12-01 --to 2024-12-31 --json']);
  command.action(async (flags: UnlockFlags & PeriodFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const period = periodOf(flags);
    const run = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'fraud run', unit: 'items' }, (ctx, call, workspace) =>
      // The CLI runs one command at a time in its process: nothing else writes while the run holds the writer spec.
      runFraud(ctx, period, { ...call, writer: workspace.writerSpec() }),
    );
    out.result({ run: run as unknown as JsonValue, transactions: run.transactions, alerts: run.flagged, review: run.review, block: run.block }, () => runLines(run));
  });
}

function addAlertsCommand(fraud: Command, io: CliIo): void {
  const command = addUnlockOptions(fraud.command('alerts').description('the transactions the latest fraud run flagged, highest score first, with the rules that fired'));
  addExamples(command, ['riskdesk fraud alerts --db risk.rdw --json']);
  command.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const { runId, flags: flagged } = await withServiceContext(flags, passphrase, async (ctx) => latestFlaggedTransactions(ctx));
    out.result({ runId, alerts: flagged.map((flag) => ({ ...flag })) }, () =>
      runId === null
        ? ['No fraud run yet: riskdesk fraud run.']
        : formatTable(
            ['TX', 'ACCOUNT', 'TIME', 'AMOUNT', 'SCORE', 'ACTION', 'RULES'],
            flagged.map((flag) => [flag.tx_id, flag.account_id, flag.ts, `${(flag.amount_minor / 100).toFixed(2)} ${flag.currency}`, String(flag.score), flag.action, flag.rules.join(', ')]),
          ),
    );
  });
}

function addScoreCommand(fraud: Command, io: CliIo): void {
  const command = addUnlockOptions(
    fraud
      .command('score')
      .description(
        'decide transactions as they arrive: reads one JSON transaction per line on stdin (the transactions CSV columns; amount in major units) and writes one decision per line ({tx_id, score, action, rules}) as soon as each is read; a line that cannot be decided gets {line, tx_id, error}, and the command then ends with exit code 1',
      ),
  );
  addExamples(command, [
    `echo '{"tx_id":"T9","account_id":"A1","ts":"2024-12-31T10:00:00+08:00","amount":"120.00","currency":"CNY","device_id":"D7"}' | riskdesk fraud score --db risk.rdw --passphrase-file pw.txt`,
  ]);
  command.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const refused = await withServiceContext(flags, passphrase, async (ctx) => {
      const stream = openDecisionStream(ctx);
      io.stderr.write(`riskdesk: rule set v${stream.ruleSetVersion}, window state from ${count(stream.historyRead)} transactions; reading stdin\n`);
      const lines = createInterface({ input: io.stdin ?? process.stdin, crlfDelay: Infinity });
      let lineNumber = 0;
      let errors = 0;
      for await (const line of lines) {
        lineNumber += 1;
        if (line.trim() === '') continue;
        const decision = stream.decide(line, lineNumber);
        if ('error' in decision) errors += 1;
        io.stdout.write(`${JSON.stringify(decision)}\n`);
      }
      return { errors, lines: lineNumber };
    });
    if (refused.errors > 0) {
      throw new RiskDeskError('VALIDATION', `${count(refused.errors)} of ${count(refused.lines)} lines could not be decided; each has its {line, tx_id, error} object on stdout.`, { ...refused });
    }
  });
}

function share(value: number | null): string {
  return value === null ? '–' : `${(100 * value).toFixed(1)} %`;
}

function summaryRow(name: string, summary: BacktestSummary): string[] {
  return [name, count(summary.flagged), count(summary.review), count(summary.block), count(summary.truePositives), share(summary.precision), share(summary.recall)];
}

function backtestLines(backtestId: number, result: BacktestResult): string[] {
  const against = result.baselineVersion === null ? 'no other version active' : `beside the active v${result.baselineVersion}`;
  return [
    `Backtest ${backtestId} of rule set v${result.version} (${against}): ${count(result.transactions)} transactions, ${count(result.labels.fraud)} known fraud (${count(result.labels.fromCases)} labels from cases).`,
    '',
    ...formatTable(
      ['VERSION', 'FLAGGED', 'REVIEW', 'BLOCK', 'FRAUD CAUGHT', 'PRECISION', 'RECALL'],
      [summaryRow(`v${result.version}`, result.candidate), ...(result.baseline ? [summaryRow(`v${result.baselineVersion ?? ''} (active)`, result.baseline)] : [])],
    ),
    '',
    ...formatTable(
      ['RULE', 'HITS', 'FRAUD', 'PRECISION', 'ONLY THIS RULE', 'OF THEM FRAUD'],
      result.rules.map((rule) => [rule.id, count(rule.hits), count(rule.fraudHits), share(rule.precision), count(rule.marginal.flagged), count(rule.marginal.fraud)]),
    ),
    ...(result.diff
      ? ['', `Against the active version: ${count(result.diff.gained.count)} alerts gained (${count(result.diff.gained.fraud)} fraud), ${count(result.diff.lost.count)} lost (${count(result.diff.lost.fraud)} fraud).`]
      : []),
  ];
}

/** `riskdesk rules backtest V`: added to the rules group (fraud-rules.ts), since it runs the engine over the workspace. */
export function addBacktestCommand(rules: Command, io: CliIo): void {
  const command = addUnlockOptions(
    addPeriodOptions(
      rules
        .command('backtest')
        .argument('<version>', 'the rule set version (or draft) to test', wholeNumber('<version>'))
        .description('run a rule set version or draft over past transactions against labels and case dispositions, beside the active version, and store the result (nothing is flagged)'),
    ),
  );
  addExamples(command, ['riskdesk rules backtest 3 --db risk.rdw --user compliance --from 2024-10-01 --to 2024-12-31 --json']);
  command.action(async (version: number, flags: UnlockFlags & PeriodFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const stored = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'backtest', unit: 'items' }, (ctx, call) =>
      // One command a process: nothing else writes while the result is stored.
      backtestRuleSet(ctx, { version, ...periodOf(flags) }, call, (change) => Promise.resolve(change())),
    );
    out.result({ backtest: stored as unknown as JsonValue }, () => backtestLines(stored.backtestId, stored.result));
  });
}

export function addFraudCommands(program: Command, io: CliIo): void {
  const fraud = program.command('fraud').description('fraud runs, their flagged transactions, and streaming decisions');
  addExamples(fraud, ['riskdesk fraud run --db risk.rdw --json', 'riskdesk fraud alerts --db risk.rdw --json', 'riskdesk fraud score --db risk.rdw < transactions.ndjson']);
  addRunCommand(fraud, io);
  addAlertsCommand(fraud, io);
  addScoreCommand(fraud, io);
}

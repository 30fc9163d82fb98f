// `riskdesk liquidity lcr | nsfr | ladder | stress | run | runs`: the ratios of a CSV of lines (no workspace) or of a
// workspace's lines, the maturity ladder, the deterministic scenarios and Monte Carlo simulations, and liquidity runs
// (indicators and their alerts).
import type { Command } from 'commander';
import { DEFAULT_BASE_CURRENCY } from '../../../preload/contract/vocabulary.ts';
import type { CategoryTotal, LcrBreakdown, LiquidityRunResult, MonteCarloResult, NsfrBreakdown, ScenarioResult, WeightedLine } from '../../../preload/contract/liquidity.ts';
import { allWeightedLines, listLiquidityRuns, liquidityPosition, liquidityStress, runLiquidity } from '../../services/liquidity/liquidity-service.ts';
import { simulateLiquidity } from '../../services/liquidity/monte-carlo-service.ts';
import { lcrOfFile, nsfrOfFile, parametersFromContent, shippedLiquidityParameters } from '../../services/liquidity/ratio-of-file.ts';
import { formatTable, type CliIo, type JsonValue } from '../cli-io.ts';
import { addExamples, addJsonOption, addUnlockOptions, calendarDate, commandPath, outputFor, wholeNumber, type JsonFlag, type UnlockFlags } from '../command-options.ts';
import { usageError } from '../failure.ts';
import { readJson } from '../input-files.ts';
import { runLongCommand } from '../long-command.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

const money = (value: number): string => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const ratio = (value: number | null): string => (value === null ? 'undefined' : `${(100 * value).toFixed(1)} %`);

interface RatioFlags extends JsonFlag, Partial<UnlockFlags> {
  input?: string;
  params?: string;
  currency?: string;
  db?: string;
  asOf?: string;
  version?: number;
}

function categoryTable(categories: readonly CategoryTotal[]): string[] {
  return formatTable(
    ['CATEGORY', 'LINES', 'AMOUNT', 'FACTOR', 'WEIGHTED'],
    categories.map((c) => [c.category, String(c.lines), money(c.amount), String(c.factor), money(c.weighted)]),
  );
}

function lcrLines(currency: string, b: LcrBreakdown): string[] {
  return [
    `LCR ${ratio(b.lcr)}${b.lcrUndefined ? ` (${b.lcrUndefined})` : ''}: HQLA ${money(b.hqla)} ${currency} / net outflows ${money(b.net_outflows)} ${currency}.`,
    `HQLA: level 1 ${money(b.level1)}, level 2A ${money(b.level2a)}, level 2B ${money(b.level2b)} (after haircuts), less ${money(b.adjustment15)} (15 % cap) and ${money(b.adjustment40)} (40 % cap).`,
    `Outflows ${money(b.outflows)}, inflows ${money(b.inflows)} (${money(b.inflows_capped)} after the 75 % cap).`,
    '',
    ...categoryTable(b.categories),
  ];
}

function nsfrLines(currency: string, b: NsfrBreakdown): string[] {
  return [`NSFR ${ratio(b.nsfr)}${b.nsfrUndefined ? ` (${b.nsfrUndefined})` : ''}: available stable funding ${money(b.asf)} ${currency} / required ${money(b.rsf)} ${currency}.`, '', ...categoryTable(b.categories)];
}

/** The breakdown's figures at the top level, as the issue's --json contract names them, then the lines. */
function ratioPayload(breakdown: LcrBreakdown | NsfrBreakdown, lines: readonly WeightedLine[], extra: Record<string, JsonValue>): Record<string, JsonValue> {
  const { categories, ...figures } = breakdown;
  return { ...extra, ...(figures as unknown as Record<string, JsonValue>), categories: categories as unknown as JsonValue, lines: lines as unknown as JsonValue };
}

function addRatioCommand(liquidity: Command, io: CliIo, which: 'lcr' | 'nsfr'): void {
  const title = which === 'lcr' ? 'the Basel III liquidity coverage ratio' : 'the Basel III net stable funding ratio';
  const categories = which === 'lcr' ? 'LCR categories (DOMAIN.md)' : 'NSFR categories (asf_* and rsf_*)';
  const command = addJsonOption(
    liquidity
      .command(which)
      .description(`${title}, every line with its category, amount, factor and weighted amount: of a CSV (no workspace) or of a workspace's lines`)
      .option('--input <file>', `a CSV of line_id,category,amount[,description] in major units, with the ${categories}`)
      .option('--params <file>', "liquidity parameters as JSON (a parameter set's `parameters`, or a file holding them under `parameters`); default: RiskDesk's shipped set")
      .option('--currency <code>', `the CSV's ISO 4217 currency (default ${DEFAULT_BASE_CURRENCY})`)
      .option('--db <file>', 'the workspace database file (instead of --input)')
      .option('--user <name>', 'the acting user (with --db)')
      .option('--passphrase-file <file>', "read the acting user's passphrase from the first line of FILE (with --db)")
      .option('--as-of <date>', 'with --db: the date, YYYY-MM-DD (default: the latest lines)', calendarDate('--as-of'))
      .option('--version <n>', 'with --db: the parameter set version (default: the active one)', wholeNumber('--version')),
  );
  addExamples(command, [`riskdesk liquidity ${which} --input lines.csv --json`, `riskdesk liquidity ${which} --db risk.rdw --as-of 2026-11-30 --json`]);
  command.action(async (flags: RatioFlags) => {
    const out = outputFor(io, flags);
    const path = commandPath(command);
    if ((flags.input === undefined) === (flags.db === undefined)) throw usageError('Give either --input FILE.csv or --db WORKSPACE.', path);
    if (flags.input !== undefined) {
      if (flags.asOf !== undefined || flags.version !== undefined) throw usageError('--as-of and --version go with --db; a CSV is weighed as it is.', path);
      const parameters = flags.params === undefined ? shippedLiquidityParameters() : parametersFromContent(readJson(flags.params), flags.params);
      const currency = flags.currency ?? DEFAULT_BASE_CURRENCY;
      const computed = which === 'lcr' ? await lcrOfFile(flags.input, parameters, currency) : await nsfrOfFile(flags.input, parameters, currency);
      out.result(ratioPayload(computed.breakdown, computed.lines, { currency }), () =>
        which === 'lcr' ? lcrLines(currency, computed.breakdown as LcrBreakdown) : nsfrLines(currency, computed.breakdown as NsfrBreakdown),
      );
      return;
    }
    if (flags.params !== undefined || flags.currency !== undefined) throw usageError('--params and --currency go with --input; a workspace uses its parameter set versions and its base currency.', path);
    const unlock = flags as RatioFlags & UnlockFlags;
    const passphrase = await actingPassphrase(out, unlock, path);
    const args = { ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }), ...(flags.version === undefined ? {} : { version: flags.version }) };
    const { position, lines } = await withServiceContext(unlock, passphrase, async (ctx) => {
      const computed = await liquidityPosition(ctx, args);
      return { position: computed, lines: out.json ? [...allWeightedLines(ctx, { ratio: which, ...args })] : [] };
    });
    const breakdown = which === 'lcr' ? position.lcr : position.nsfr;
    const extra = { currency: position.currency, as_of: position.asOf, parameter_version: position.parameterVersion };
    out.result(ratioPayload(breakdown, lines, extra), () => [
      `As of ${position.asOf}, parameter set v${position.parameterVersion}, ${position.lines.toLocaleString('en-US')} lines.`,
      ...(which === 'lcr' ? lcrLines(position.currency, position.lcr) : nsfrLines(position.currency, position.nsfr)),
      '',
      'Every line with its factor: add --json.',
    ]);
  });
}

function addLadderCommand(liquidity: Command, io: CliIo): void {
  const command = addUnlockOptions(
    liquidity
      .command('ladder')
      .description("the maturity ladder of the workspace's lines: contractual inflows and outflows per bucket, the gap and the cumulative gap")
      .option('--as-of <date>', 'the date, YYYY-MM-DD (default: the latest lines)', calendarDate('--as-of')),
  );
  addExamples(command, ['riskdesk liquidity ladder --db risk.rdw --as-of 2026-11-30 --json']);
  command.action(async (flags: UnlockFlags & { asOf?: string }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const position = await withServiceContext(flags, passphrase, (ctx) => liquidityPosition(ctx, flags.asOf === undefined ? {} : { asOf: flags.asOf }));
    const { ladder } = position;
    out.result({ currency: position.currency, ladder: ladder as unknown as JsonValue }, () => [
      `Maturity ladder as of ${ladder.asOf} (${position.currency}):`,
      ...formatTable(
        ['BUCKET', 'INFLOWS', 'OUTFLOWS', 'GAP', 'CUMULATIVE'],
        ladder.buckets.map((b) => [b.bucket, money(b.inflows), money(b.outflows), money(b.gap), money(b.cumulativeGap)]),
      ),
      ...ladder.excluded.map((e) => `Not in the ladder (${e.reason.replaceAll('_', ' ')}): ${e.lines} lines, ${money(e.amount)}.`),
    ]);
  });
}

interface StressFlags extends UnlockFlags {
  scenario?: string;
  monteCarlo?: boolean;
  paths?: number;
  days?: number;
  seed?: number;
  blockDays?: number;
  asOf?: string;
}

function scenarioLines(result: ScenarioResult): string[] {
  const survival = result.survivalDay === null ? `survives all ${result.scenario.horizonDays} days` : `runs out of liquid assets on day ${result.survivalDay}`;
  const shown = result.days.filter((d) => d.day <= 7 || d.day % 10 === 0 || d.day === result.survivalDay);
  return [
    `Scenario ${result.scenario.name} as of ${result.asOf} (parameter set v${result.parameterVersion}): buffer ${money(result.buffer)} ${result.currency}; the platform ${survival}.`,
    '',
    ...formatTable(['DAY', 'DATE', 'OUTFLOWS', 'INFLOWS', 'CUMULATIVE NET', 'BUFFER LEFT'], shown.map((d) => [String(d.day), d.date, money(d.outflows), money(d.inflows), money(d.cumulativeNet), money(d.bufferLeft)])),
  ];
}

function simulationLines(simulationId: number, result: MonteCarloResult): string[] {
  return [
    `Simulation ${simulationId}: ${result.paths.toLocaleString('en-US')} paths × ${result.days} days (seed ${result.seed}, blocks of ${result.blockDays} days) of ${result.products.join(', ')} as of ${result.asOf}.`,
    `Buffer ${money(result.buffer)} ${result.currency}; ${(100 * result.survival30).toFixed(2)} % of paths survive 30 days.`,
    ...result.reserve.map((q) => `Buffer needed to survive 30 days at ${(100 * q.level).toFixed(1)} %: ${money(q.value)} (95 % interval ${money(q.low)} – ${money(q.high)}).`),
  ];
}

function addStressCommand(liquidity: Command, io: CliIo): void {
  const command = addUnlockOptions(
    liquidity
      .command('stress')
      .description('a deterministic scenario of the active parameter set day by day, or a Monte Carlo simulation of daily net redemptions (stored)')
      .option('--scenario <name>', 'the scenario (e.g. idiosyncratic_run, market_wide, combined)')
      .option('--monte-carlo', 'simulate instead: a seeded block bootstrap of the flow history')
      .option('--paths <n>', 'Monte Carlo paths (default: the parameter set’s)', wholeNumber('--paths'))
      .option('--days <n>', 'Monte Carlo days', wholeNumber('--days'))
      .option('--seed <n>', 'Monte Carlo seed (default 1)', wholeNumber('--seed'))
      .option('--block-days <n>', 'consecutive history days per bootstrap block', wholeNumber('--block-days'))
      .option('--as-of <date>', 'the date, YYYY-MM-DD (default: the latest lines)', calendarDate('--as-of')),
  );
  addExamples(command, ['riskdesk liquidity stress --db risk.rdw --scenario idiosyncratic_run --json', 'riskdesk liquidity stress --db risk.rdw --user analyst --monte-carlo --paths 10000 --days 90 --seed 7 --json']);
  command.action(async (flags: StressFlags) => {
    const out = outputFor(io, flags);
    const path = commandPath(command);
    if ((flags.scenario === undefined) === (flags.monteCarlo !== true)) throw usageError('Give either --scenario NAME or --monte-carlo.', path);
    const simulationOnly = [flags.paths, flags.days, flags.seed, flags.blockDays].some((value) => value !== undefined);
    if (flags.scenario !== undefined && simulationOnly) throw usageError('--paths, --days, --seed and --block-days go with --monte-carlo.', path);
    const passphrase = await actingPassphrase(out, flags, path);
    const asOf = flags.asOf === undefined ? {} : { asOf: flags.asOf };
    if (flags.scenario !== undefined) {
      const scenario = flags.scenario;
      const result = await withServiceContext(flags, passphrase, (ctx) => liquidityStress(ctx, { scenario, ...asOf }));
      out.result({ scenario: result as unknown as JsonValue, survival_day: result.survivalDay }, () => scenarioLines(result));
      return;
    }
    const request = {
      ...asOf,
      ...(flags.paths === undefined ? {} : { paths: flags.paths }),
      ...(flags.days === undefined ? {} : { days: flags.days }),
      ...(flags.seed === undefined ? {} : { seed: flags.seed }),
      ...(flags.blockDays === undefined ? {} : { blockDays: flags.blockDays }),
    };
    const stored = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'Monte Carlo', unit: 'items' }, (ctx, call) =>
      // One command a process: nothing else writes while the result is stored.
      simulateLiquidity(ctx, request, call, (change) => Promise.resolve(change())),
    );
    out.result({ simulation: stored as unknown as JsonValue }, () => simulationLines(stored.simulationId, stored.result));
  });
}

function runLines(run: LiquidityRunResult): string[] {
  const breached = run.indicators.filter((value) => value.breached);
  return [
    `Liquidity run ${run.runId} as of ${run.asOf} (parameter set v${run.parameterVersion}): LCR ${ratio(run.lcr)}, NSFR ${ratio(run.nsfr)}.`,
    ...run.survival.map((s) => `Scenario ${s.scenario}: ${s.survivalDay === null ? 'survives its horizon' : `liquid assets run out on day ${s.survivalDay}`}.`),
    '',
    ...formatTable(
      ['INDICATOR', 'PRODUCT', 'VALUE', 'THRESHOLD', 'BREACHED'],
      run.indicators.map((v) => [v.indicator, v.product ?? '–', v.value === null ? '–' : String(Number(v.value.toFixed(4))), String(v.threshold), v.breached ? `yes (${v.severity})` : 'no']),
    ),
    '',
    `${breached.length} indicators breached: ${run.alerts.raised} alerts raised, ${run.alerts.repeated} still open and seen again, ${run.alerts.casesOpened} cases opened.`,
  ];
}

function addRunCommands(liquidity: Command, io: CliIo): void {
  const run = addUnlockOptions(
    liquidity
      .command('run')
      .description('compute the position, the scenarios and the early-warning indicators as of a date, store them, and raise an alert for each breach')
      .option('--as-of <date>', 'the date, YYYY-MM-DD (default: the latest lines)', calendarDate('--as-of')),
  );
  addExamples(run, ['riskdesk liquidity run --db risk.rdw --user analyst --json']);
  run.action(async (flags: UnlockFlags & { asOf?: string }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(run));
    const result = await runLongCommand(io, out, { options: flags, passphrase }, { title: 'liquidity run', unit: 'items' }, (ctx, call, workspace) =>
      // The CLI runs one command at a time in its process: nothing else writes while the run holds the writer spec.
      runLiquidity(ctx, flags.asOf === undefined ? {} : { asOf: flags.asOf }, { ...call, writer: workspace.writerSpec() }),
    );
    out.result({ run: result as unknown as JsonValue }, () => runLines(result));
  });
  const runs = addUnlockOptions(liquidity.command('runs').description('liquidity runs, newest first, with their ratios and breached indicators'));
  addExamples(runs, ['riskdesk liquidity runs --db risk.rdw --json']);
  runs.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(runs));
    const list = await withServiceContext(flags, passphrase, async (ctx) => listLiquidityRuns(ctx));
    out.result({ runs: list as unknown as JsonValue }, () =>
      list.length === 0
        ? ['No liquidity run yet: riskdesk liquidity run.']
        : formatTable(
            ['RUN', 'AS OF', 'LCR', 'NSFR', 'BREACHED', 'BY'],
            list.map((r) => [String(r.runId), r.asOf, ratio(r.lcr), ratio(r.nsfr), String(r.indicators.filter((v) => v.breached).length), r.startedBy]),
          ),
    );
  });
}

export function addLiquidityEngineCommands(liquidity: Command, io: CliIo): void {
  addRatioCommand(liquidity, io, 'lcr');
  addRatioCommand(liquidity, io, 'nsfr');
  addLadderCommand(liquidity, io);
  addStressCommand(liquidity, io);
  addRunCommands(liquidity, io);
}

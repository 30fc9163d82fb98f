// The liquidity engine over the workspace: the position (ladder, LCR, NSFR) and a scenario run on an engine worker
// (a workspace may hold a million lines); the line grid pages in SQL on the session's reader; a run writes through the
// worker under the write lock. Permissions are checked here, in main, before any worker starts.
import type { GridQuery } from '../../../preload/contract/grid.ts';
import {
  LCR_CATEGORIES,
  INDICATOR_THRESHOLDS,
  LIQUIDITY_INDICATORS,
  type IndicatorTrend,
  type LiquidityPosition,
  type LiquidityRunResult,
  type ScenarioResult,
  type WeightedLine,
} from '../../../preload/contract/liquidity.ts';
import { currencyMinorDigits, isCurrencyCode } from '../../engines/currency.ts';
import { indicatorTrends, nsfrCategoryOfLine, weighLine } from '../../engines/liquidity/index.ts';
import { lineSnapshotDate } from '../../store/liquidity-data.ts';
import { liquidityParameterSetOf, productFlowSeries } from '../../workers/liquidity-book.ts';
import { viewRows } from '../../store/grid-sql.ts';
import { linesGridSpec, type LinesGridRow } from '../../store/liquidity-lines-grid.ts';
import { finishedRunResults } from '../../store/runs.ts';
import { baseCurrency } from '../../store/workspace-meta.ts';
import type { ServiceContext, WriteCallOptions } from '../context.ts';
import { gridPage } from '../grid-page.ts';
import { requirePermission } from '../permissions.ts';

interface PositionArgs {
  readonly asOf?: string | undefined;
  readonly version?: number | undefined;
}

const definedOnly = (args: PositionArgs) => ({ ...(args.asOf === undefined ? {} : { asOf: args.asOf }), ...(args.version === undefined ? {} : { version: args.version }) });

/** JOB_FAILED with cause NOT_FOUND (no lines, no such version) or INVALID_STATE (none active) when it cannot be computed. */
export function liquidityPosition(ctx: ServiceContext, args: PositionArgs): Promise<LiquidityPosition> {
  requirePermission(ctx.actor, 'workspace.read');
  return ctx.pool().run('liquidity-position', definedOnly(args), { reader: ctx.workspace.readerSpec() });
}

export function liquidityStress(ctx: ServiceContext, args: PositionArgs & { readonly scenario: string }): Promise<ScenarioResult> {
  requirePermission(ctx.actor, 'workspace.read');
  return ctx.pool().run('liquidity-stress', { scenario: args.scenario, ...definedOnly(args) }, { reader: ctx.workspace.readerSpec() });
}

export function runLiquidity(ctx: ServiceContext, args: { readonly asOf?: string | undefined }, call: WriteCallOptions<'liquidity-run'>): Promise<LiquidityRunResult> {
  requirePermission(ctx.actor, 'runs.start');
  const input = { actor: ctx.actor.username, startedAt: ctx.now().toISOString(), ...(args.asOf === undefined ? {} : { asOf: args.asOf }) };
  return ctx.pool().run('liquidity-run', input, { ...call, reader: ctx.workspace.readerSpec() });
}

export function listLiquidityRuns(ctx: ServiceContext): LiquidityRunResult[] {
  requirePermission(ctx.actor, 'workspace.read');
  return finishedRunResults<LiquidityRunResult>(ctx.reader, 'liquidity');
}

/** The NSFR category of each LCR category by remaining term (< 180 days, < 1 year, longer), for the grid's SQL. */
function nsfrCategoryTable() {
  return Object.fromEntries(LCR_CATEGORIES.map((category) => [category, { short: nsfrCategoryOfLine(category, 0), mid: nsfrCategoryOfLine(category, 180), long: nsfrCategoryOfLine(category, 365) }]));
}

/** The grid's money filters are in major units, as shown; the SQL compares minor units. */
function inMinorUnits(query: GridQuery, minorDigits: number): GridQuery {
  const scale = 10 ** minorDigits;
  const filterModel = Object.fromEntries(
    Object.entries(query.filterModel).map(([column, filter]) => {
      if ((column !== 'amount' && column !== 'weighted') || filter.filterType !== 'number') return [column, filter];
      const scaled = (value: number | null | undefined) => (typeof value === 'number' ? value * scale : value);
      return [column, { ...filter, filter: scaled(filter.filter), filterTo: scaled(filter.filterTo) }];
    }),
  );
  return { ...query, filterModel };
}

interface LinesArgs extends PositionArgs {
  readonly ratio: 'lcr' | 'nsfr';
}

/** The grid of the snapshot's lines under a version's factors, and how to turn a row into its exact weighted line. */
function linesView(ctx: ServiceContext, args: LinesArgs) {
  const set = liquidityParameterSetOf(ctx.reader, args.version);
  const snapshot = lineSnapshotDate(ctx.reader, args.asOf, ctx.now().toISOString().slice(0, 10));
  const currency = baseCurrency(ctx.reader);
  const minorDigits = isCurrencyCode(currency) ? currencyMinorDigits(currency) : 2;
  const asOf = args.asOf ?? snapshot;
  const factors: Record<string, number> = args.ratio === 'lcr' ? set.parameters.lcr.factors : { ...set.parameters.nsfr.asf, ...set.parameters.nsfr.rsf };
  const spec = linesGridSpec({ snapshot, asOf, currency, factors, ...(args.ratio === 'nsfr' ? { categoryOf: nsfrCategoryTable() } : {}) });
  const weighed = (row: LinesGridRow): WeightedLine => weighLine({ lineId: row.line_id, category: row.category, amountMinor: row.amount, description: row.description }, row.factor, minorDigits);
  return { grid: { name: `liquidity-lines\u0000${args.ratio}\u0000${set.version}\u0000${asOf}`, spec }, minorDigits, weighed };
}

/** A page of the snapshot's lines as the LCR or NSFR weighs them: category, amount, factor and weighted amount (exact). */
export function liquidityLines(ctx: ServiceContext, args: LinesArgs & { readonly query: GridQuery }): { rows: WeightedLine[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  const view = linesView(ctx, args);
  const page = gridPage<LinesGridRow>(ctx, view.grid, inMinorUnits(args.query, view.minorDigits));
  return { rows: page.rows.map(view.weighed), rowCount: page.rowCount };
}

/** Every line of the snapshot, weighed, in line id order (the CLI's --json lists them all; iterate, a workspace may hold a million). */
export function* allWeightedLines(ctx: ServiceContext, args: LinesArgs): Generator<WeightedLine> {
  requirePermission(ctx.actor, 'workspace.read');
  const view = linesView(ctx, args);
  for (const row of viewRows<LinesGridRow>(ctx.reader, view.grid.spec, {}, [], Object.keys(view.grid.spec.columns))) yield view.weighed(row);
}

/**
 * Each indicator's history with its threshold under the active parameter set: the flow indicators day by day from the
 * daily flows, the rest (LCR, top-10 share, survival) from the runs, one point per run's as-of date.
 */
export function liquidityIndicatorTrends(ctx: ServiceContext): IndicatorTrend[] {
  requirePermission(ctx.actor, 'workspace.read');
  const { parameters } = liquidityParameterSetOf(ctx.reader, undefined);
  const runs = finishedRunResults<LiquidityRunResult>(ctx.reader, 'liquidity').reverse();
  const latest = runs.at(-1)?.asOf ?? lineSnapshotDate(ctx.reader, undefined, ctx.now().toISOString().slice(0, 10));
  const fromFlows = indicatorTrends(productFlowSeries(ctx.reader, latest), parameters.indicators);
  return LIQUIDITY_INDICATORS.map((indicator) => {
    const flows = fromFlows.find((trend) => trend.indicator === indicator);
    if (flows) return flows;
    const threshold = parameters.indicators[INDICATOR_THRESHOLDS[indicator]].threshold;
    const points = runs.map((run) => ({ date: run.asOf, value: run.indicators.find((value) => value.indicator === indicator)?.value ?? null }));
    return { indicator, threshold, points };
  });
}

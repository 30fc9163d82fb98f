import { Exact, type ExactValue } from './exact.ts';
import { dayText } from '../calendar.ts';
import type { LcrCategory, StressScenario } from '../../../preload/contract/liquidity.ts';
import type { FlowHistory } from './flow-history.ts';

/**
 * A deterministic stress scenario over the liquidity lines (DOMAIN.md, survival horizon: the first day on which
 * cumulative stressed net outflows exceed the liquid assets available). The model, day d = 1 … horizonDays:
 *
 * - Buffer: every HQLA line × max(0, its LCR factor − the scenario's extra haircut for its level) (L1: hqla_l1_*,
 *   L2A: hqla_l2a, L2B: hqla_l2b_*), whatever its maturity, without the LCR's level 2 caps: the caps say what counts
 *   towards the regulatory stock, the survival horizon asks what could be sold or pledged.
 * - Redeemable deposits (retail_* and small_business_* but retail_term_gt30d): each line runs off r* of its original
 *   amount a day, r* = redemptionMultiplier × the worst day's outflow rate in the flow history, until it is gone. A
 *   line with remainingDays n > 0 (a notice period) starts running on day n, else on day 1.
 * - retail_term_gt30d: repaid in full on its maturity day (no early redemption, and no rollover in a stress).
 * - Wholesale funding (operational deposits, non-financial corporate, financial institution and other legal entity
 *   unsecured, secured funding): (1 − wholesaleRollover) of it leaves on its maturity day; other_contractual_outflow
 *   leaves in full on its day.
 * - Committed facilities: drawdownFactor × their LCR run-off rate (at most all of it), drawn evenly over days 1–30;
 *   the commitment is taken to stand through those 30 days whatever its maturity.
 * - Contractual inflows (inflow_*): inflowFactor of them arrive inflowDelayDays after their maturity day.
 * - Subscriptions: every day, subscriptionFactor × the history's mean daily inflow rate × today's balance of the
 *   history's products.
 * - A line without a maturity (remainingDays null), or one already due (0 or less), falls on day 1. An HQLA line that
 *   matures inside the horizon is no flow: it is in the buffer already.
 *
 * cumulativeNet(d) = Σ_{e ≤ d} (outflows(e) − inflows(e)); bufferLeft = buffer − cumulativeNet; the survival day is
 * the first d with cumulativeNet(d) > buffer, null when the buffer lasts the horizon.
 *
 * Lines are added one at a time and summed at once into integer minor units per kind and day (bounded memory and
 * exact sums for millions of lines: every line of a kind on the same day behaves alike, the run-off included, since
 * it is proportional to the original amount); run() applies the scenario's factors to those sums in decimal
 * arithmetic and converts to major units at the end.
 */

export interface ScenarioDay {
  day: number;
  date: string;
  outflows: number;
  inflows: number;
  net: number;
  cumulativeNet: number;
  bufferLeft: number;
}

export interface ScenarioOutcome {
  buffer: number;
  survivalDay: number | null;
  days: ScenarioDay[];
}

export interface ScenarioLine {
  readonly category: LcrCategory;
  readonly amountMinor: number;
  /** Days from as-of to the line's maturity (or the end of its notice period); null: none. */
  readonly remainingDays: number | null;
}

type HqlaLevel = 'l1' | 'l2a' | 'l2b';
type TimedKind = 'redeemable' | 'term' | 'wholesale' | 'contractual' | 'inflow';
type LineKind = { hqla: HqlaLevel } | { timed: TimedKind } | 'committed';

const TIMED: Readonly<Record<TimedKind, readonly LcrCategory[]>> = {
  redeemable: ['retail_stable', 'retail_less_stable', 'small_business_stable', 'small_business_less_stable'],
  term: ['retail_term_gt30d'],
  wholesale: [
    'operational_deposits',
    'nonfinancial_corporate_unsecured',
    'nonfinancial_corporate_insured',
    'financial_institution_unsecured',
    'other_legal_entity_unsecured',
    'secured_funding_l1',
    'secured_funding_l2a',
    'secured_funding_other',
  ],
  contractual: ['other_contractual_outflow'],
  inflow: ['inflow_retail', 'inflow_nonfinancial_wholesale', 'inflow_financial_institution', 'inflow_reverse_repo_l1', 'inflow_reverse_repo_l2a', 'inflow_reverse_repo_l2b_rmbs', 'inflow_reverse_repo_other', 'inflow_other_contractual'],
};

function kindOf(category: LcrCategory): LineKind {
  if (category.startsWith('hqla_l1_')) return { hqla: 'l1' };
  if (category === 'hqla_l2a') return { hqla: 'l2a' };
  if (category.startsWith('hqla_l2b_')) return { hqla: 'l2b' };
  if (category.startsWith('committed_')) return 'committed';
  for (const [kind, categories] of Object.entries(TIMED) as [TimedKind, readonly LcrCategory[]][]) if (categories.includes(category)) return { timed: kind };
  throw new RangeError(`no stress treatment for the category ${category}`);
}

/** The longest horizon the contract allows; later days are kept in one bucket that no scenario reaches. */
const MAX_HORIZON_DAYS = 365;
const BEYOND = MAX_HORIZON_DAYS + 1;
/** Committed facilities are drawn over the LCR's 30 days. */
const DRAWDOWN_DAYS = 30;

/** The day a line falls on: its remaining days, day 1 when it has none or is already due. */
function dueDay(remainingDays: number | null): number {
  if (remainingDays === null || remainingDays < 1) return 1;
  return Math.min(Math.floor(remainingDays), BEYOND);
}

export class ScenarioBook {
  private readonly factors: Readonly<Record<LcrCategory, number>>;
  private readonly minorDigits: number;
  private readonly kinds = new Map<LcrCategory, LineKind>();
  /** Per category, the sum of its HQLA or committed lines (minor units). */
  private readonly totals = new Map<LcrCategory, number>();
  /** Per timed kind, the sum of its lines by due day (index 1 … BEYOND; minor units). */
  private readonly byDay: Record<TimedKind, Float64Array>;

  constructor(factors: Readonly<Record<LcrCategory, number>>, minorDigits: number) {
    this.factors = factors;
    this.minorDigits = minorDigits;
    const days = (): Float64Array => new Float64Array(BEYOND + 1);
    this.byDay = { redeemable: days(), term: days(), wholesale: days(), contractual: days(), inflow: days() };
  }

  add(line: ScenarioLine): void {
    if (!Number.isSafeInteger(line.amountMinor)) throw new RangeError(`a line's amount must be whole minor units; got ${line.amountMinor}`);
    let kind = this.kinds.get(line.category);
    if (kind === undefined) {
      kind = kindOf(line.category);
      this.kinds.set(line.category, kind);
    }
    if (typeof kind === 'object' && 'timed' in kind) {
      const days = this.byDay[kind.timed];
      const due = dueDay(line.remainingDays);
      days[due] = (days[due] as number) + line.amountMinor;
    } else {
      this.totals.set(line.category, (this.totals.get(line.category) ?? 0) + line.amountMinor);
    }
  }

  run(scenario: StressScenario, history: FlowHistory, asOfDay: number): ScenarioOutcome {
    const horizon = scenario.horizonDays;
    if (!(horizon >= 1 && horizon <= MAX_HORIZON_DAYS)) throw new RangeError(`a scenario's horizon is 1 to ${MAX_HORIZON_DAYS} days; got ${horizon}`);
    const outflows = Array.from({ length: horizon + 1 }, () => new Exact(0));
    const inflows = Array.from({ length: horizon + 1 }, () => new Exact(0));
    const addTo = (list: Exact[], day: number, amount: ExactValue): void => {
      if (day <= horizon) list[day] = (list[day] as Exact).plus(amount);
    };

    let buffer = new Exact(0);
    let committed = new Exact(0);
    for (const [category, amount] of this.totals) {
      const kind = this.kinds.get(category) as LineKind;
      const factor = new Exact(this.factors[category]);
      if (kind === 'committed') committed = committed.plus(Exact.min(1, factor.times(scenario.drawdownFactor)).times(amount));
      else if ('hqla' in kind) buffer = buffer.plus(Exact.max(0, factor.minus(scenario.extraHaircut[kind.hqla])).times(amount));
    }
    const dailyDrawdown = committed.div(DRAWDOWN_DAYS);
    for (let day = 1; day <= DRAWDOWN_DAYS; day++) addTo(outflows, day, dailyDrawdown);

    const runOff = new Exact(scenario.redemptionMultiplier).times(Math.max(0, ...history.outflowRate));
    const rolledOff = new Exact(1).minus(scenario.wholesaleRollover);
    for (let due = 1; due <= horizon; due++) {
      const redeemable = this.byDay.redeemable[due] as number;
      if (redeemable !== 0 && runOff.greaterThan(0)) {
        const daily = runOff.times(redeemable);
        let left = new Exact(redeemable);
        for (let day = due; day <= horizon && left.greaterThan(0); day++) {
          const paid = Exact.min(daily, left);
          addTo(outflows, day, paid);
          left = left.minus(paid);
        }
      }
      addTo(outflows, due, this.byDay.term[due] as number);
      addTo(outflows, due, rolledOff.times(this.byDay.wholesale[due] as number));
      addTo(outflows, due, this.byDay.contractual[due] as number);
      addTo(inflows, due + scenario.inflowDelayDays, new Exact(scenario.inflowFactor).times(this.byDay.inflow[due] as number));
    }

    const meanInflowRate = history.inflowRate.length === 0 ? 0 : history.inflowRate.reduce((sum, rate) => sum + rate, 0) / history.inflowRate.length;
    const subscriptions = new Exact(scenario.subscriptionFactor).times(meanInflowRate).times(history.balanceMinor);
    for (let day = 1; day <= horizon; day++) addTo(inflows, day, subscriptions);

    const unit = new Exact(10).pow(this.minorDigits);
    const major = (minor: Exact): number => minor.div(unit).toNumber();
    const days: ScenarioDay[] = [];
    let cumulative = new Exact(0);
    let survivalDay: number | null = null;
    for (let day = 1; day <= horizon; day++) {
      const out = outflows[day] as Exact;
      const into = inflows[day] as Exact;
      const net = out.minus(into);
      cumulative = cumulative.plus(net);
      if (survivalDay === null && cumulative.greaterThan(buffer)) survivalDay = day;
      days.push({ day, date: dayText(asOfDay + day), outflows: major(out), inflows: major(into), net: major(net), cumulativeNet: major(cumulative), bufferLeft: major(buffer.minus(cumulative)) });
    }
    return { buffer: major(buffer), survivalDay, days };
  }
}

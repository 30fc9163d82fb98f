import { LCR_CATEGORIES, type LcrBreakdown, type LcrCategory } from '../../../preload/contract/liquidity.ts';
import { CategorySums, categoryTotal, sumWeighted, weighCategories } from './category-sums.ts';
import { lcrRoleOf } from './categories.ts';
import { checkMinorDigits, Exact } from './exact.ts';

const LEVEL_1: ReadonlySet<LcrCategory> = new Set(['hqla_l1_cash', 'hqla_l1_central_bank_reserves', 'hqla_l1_sovereign']);
const LEVEL_2A: ReadonlySet<LcrCategory> = new Set(['hqla_l2a']);
const LEVEL_2B: ReadonlySet<LcrCategory> = new Set(['hqla_l2b_rmbs', 'hqla_l2b_corporate', 'hqla_l2b_equity']);

/** Basel III LCR 30: inflows count up to 75 % of outflows, so at least a quarter of the outflows is covered by HQLA. */
const INFLOW_CAP = new Exact(3).div(4);

export const LCR_UNDEFINED = 'The LCR is undefined: net cash outflows over the next 30 days are zero (no outflow line has a run-off rate above 0).';

/**
 * The LCR of a set of lines, exactly as DOMAIN.md states it. Lines are added one at a time (a million of them stream
 * through a worker) into exact integer sums per category; factors apply per category at the end, so the result does
 * not depend on the order of the lines and carries no rounding until the final conversion to Number.
 */
export class LcrTally {
  private readonly sums = new CategorySums<LcrCategory>(LCR_CATEGORIES);
  private readonly factors: Readonly<Record<LcrCategory, number>>;
  private readonly minorDigits: number;

  constructor(factors: Readonly<Record<LcrCategory, number>>, minorDigits: number) {
    this.factors = factors;
    this.minorDigits = checkMinorDigits(minorDigits);
  }

  add(category: LcrCategory, amountMinor: number): void {
    this.sums.add(category, amountMinor);
  }

  breakdown(): LcrBreakdown {
    const weighed = weighCategories(this.sums, (category) => this.factors[category], this.minorDigits);
    const level1 = sumWeighted(weighed, (c) => LEVEL_1.has(c));
    const level2a = sumWeighted(weighed, (c) => LEVEL_2A.has(c));
    const level2b = sumWeighted(weighed, (c) => LEVEL_2B.has(c));
    // The caps (Basel III LCR Annex 1): Level 2 at most 40 % of HQLA, Level 2B at most 15 %, both after haircuts.
    const adjustment15 = Exact.max(level2b.minus(level1.plus(level2a).times(15).div(85)), level2b.minus(level1.times(15).div(60)), 0);
    const adjustment40 = Exact.max(level2a.plus(level2b).minus(adjustment15).minus(level1.times(2).div(3)), 0);
    const hqla = level1.plus(level2a).plus(level2b).minus(adjustment15).minus(adjustment40);
    const outflows = sumWeighted(weighed, (c) => lcrRoleOf(c) === 'outflow');
    const inflows = sumWeighted(weighed, (c) => lcrRoleOf(c) === 'inflow');
    const inflowsCapped = Exact.min(inflows, outflows.times(INFLOW_CAP));
    const netOutflows = outflows.minus(inflowsCapped);
    const undefinedRatio = netOutflows.isZero();
    return {
      hqla: hqla.toNumber(),
      level1: level1.toNumber(),
      level2a: level2a.toNumber(),
      level2b: level2b.toNumber(),
      adjustment15: adjustment15.toNumber(),
      adjustment40: adjustment40.toNumber(),
      outflows: outflows.toNumber(),
      inflows: inflows.toNumber(),
      inflows_capped: inflowsCapped.toNumber(),
      net_outflows: netOutflows.toNumber(),
      lcr: undefinedRatio ? null : hqla.div(netOutflows).toNumber(),
      lcrUndefined: undefinedRatio ? LCR_UNDEFINED : null,
      categories: weighed.map(categoryTotal),
    };
  }
}

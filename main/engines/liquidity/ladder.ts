import { LADDER_BUCKETS, type Ladder, type LadderBucket, type LcrCategory } from '../../../preload/contract/liquidity.ts';
import { dayText } from '../calendar.ts';
import { isContingent, lcrRoleOf } from './categories.ts';
import { CategorySums } from './category-sums.ts';
import { checkMinorDigits, Exact, majorUnits } from './exact.ts';

/** One line as the ladder needs it; maturityDay is a day number (engines/calendar.ts), null when the line has no maturity. */
export interface LadderLine {
  category: LcrCategory;
  amountMinor: number;
  maturityDay: number | null;
}

type Exclusion = Ladder['excluded'][number]['reason'];
const EXCLUSIONS: readonly Exclusion[] = ['stock_without_maturity', 'contingent', 'matured'];

/** Days after as-of each bucket covers, both ends included (the contract's fromDay/toDay). */
const BUCKET_DAYS: Readonly<Record<LadderBucket, { fromDay: number; toDay: number | null }>> = {
  overnight: { fromDay: 0, toDay: 1 },
  d2_7: { fromDay: 2, toDay: 7 },
  d8_30: { fromDay: 8, toDay: 30 },
  m1_3: { fromDay: 31, toDay: 90 },
  m3_6: { fromDay: 91, toDay: 180 },
  m6_12: { fromDay: 181, toDay: 365 },
  gt1y: { fromDay: 366, toDay: null },
};

function bucketOf(remainingDays: number): LadderBucket {
  // The last bucket is open-ended, so every remaining term ≥ 0 finds one.
  return LADDER_BUCKETS.find((bucket) => {
    const { toDay } = BUCKET_DAYS[bucket];
    return toDay === null || remainingDays <= toDay;
  }) as LadderBucket;
}

/**
 * The contractual maturity ladder: each line's cash flow at its maturity, by remaining-term bucket, with the running
 * gap. Contractual only: committed facilities are drawn at the counterparty's choice (contingent, left out), and
 * HQLA without a maturity are a stock, not a flow (the LCR counts them). A line with no maturity that is a liability
 * is payable on demand, so overnight; an inflow without one is taken as due now too.
 */
export class LadderTally {
  private readonly asOfDay: number;
  private readonly minorDigits: number;
  private readonly inflows = new CategorySums<LadderBucket>(LADDER_BUCKETS);
  private readonly outflows = new CategorySums<LadderBucket>(LADDER_BUCKETS);
  private readonly excluded = new CategorySums<Exclusion>(EXCLUSIONS);

  constructor(asOfDay: number, minorDigits: number) {
    if (!Number.isSafeInteger(asOfDay)) throw new RangeError(`asOfDay must be a day number; got ${asOfDay}`);
    this.asOfDay = asOfDay;
    this.minorDigits = checkMinorDigits(minorDigits);
  }

  add(line: LadderLine): void {
    const remaining = line.maturityDay === null ? null : line.maturityDay - this.asOfDay;
    const role = lcrRoleOf(line.category);
    if (remaining !== null && remaining < 0) this.excluded.add('matured', line.amountMinor);
    else if (isContingent(line.category)) this.excluded.add('contingent', line.amountMinor);
    else if (role === 'hqla' && remaining === null) this.excluded.add('stock_without_maturity', line.amountMinor);
    else (role === 'outflow' ? this.outflows : this.inflows).add(bucketOf(remaining ?? 0), line.amountMinor);
  }

  ladder(): Ladder {
    let cumulativeGap = new Exact(0);
    const buckets = LADDER_BUCKETS.map((bucket) => {
      const inflows = majorUnits(this.inflows.total(bucket), this.minorDigits);
      const outflows = majorUnits(this.outflows.total(bucket), this.minorDigits);
      const gap = inflows.minus(outflows);
      cumulativeGap = cumulativeGap.plus(gap);
      return {
        bucket,
        ...BUCKET_DAYS[bucket],
        inflows: inflows.toNumber(),
        outflows: outflows.toNumber(),
        gap: gap.toNumber(),
        cumulativeGap: cumulativeGap.toNumber(),
        lines: this.inflows.lines(bucket) + this.outflows.lines(bucket),
      };
    });
    const excluded = EXCLUSIONS.map((reason) => ({
      reason,
      lines: this.excluded.lines(reason),
      amount: majorUnits(this.excluded.total(reason), this.minorDigits).toNumber(),
    }));
    return { asOf: dayText(this.asOfDay), buckets, excluded };
  }
}

// Roll rates: how loans moved between DPD buckets from one month to the next, from loan-month rows streamed
// in loan then month order. Only the previous row is remembered, so memory grows with months, not loans.
import { DPD_BUCKETS, type DpdBucket } from '../../../../preload/contract/vocabulary.ts';
import { monthIndex, monthText } from '../../calendar.ts';

export interface RollRate {
  /** YYYY-MM of the later month (the transition is from the month before). */
  readonly month: string;
  readonly buckets: DpdBucket[];
  /** counts[from][to], loans with a bucket in both months. */
  readonly counts: number[][];
}

const BUCKET_INDEX: ReadonlyMap<DpdBucket, number> = new Map(DPD_BUCKETS.map((bucket, i) => [bucket, i]));
const SIZE = DPD_BUCKETS.length;

export class RollRates {
  private readonly months: number;
  /** Flattened counts[from · SIZE + to] by the later month's index. */
  private readonly transitions = new Map<number, Uint32Array>();
  private previousLoan: string | null = null;
  private previousMonth = 0;
  private previousBucket = -1;

  /** `months`: how many of the latest months result() reports. */
  constructor(options: { months: number }) {
    this.months = options.months;
  }

  add(loanId: string, month: string, bucket: DpdBucket | null): void {
    const index = monthIndex(month);
    const to = bucket === null ? -1 : (BUCKET_INDEX.get(bucket) ?? -1);
    // A gap month or a paid-off month breaks the chain: nothing is known about the move across it.
    if (loanId === this.previousLoan && index === this.previousMonth + 1 && this.previousBucket >= 0 && to >= 0) {
      let counts = this.transitions.get(index);
      if (!counts) this.transitions.set(index, (counts = new Uint32Array(SIZE * SIZE)));
      counts[this.previousBucket * SIZE + to] = (counts[this.previousBucket * SIZE + to] ?? 0) + 1;
    }
    this.previousLoan = loanId;
    this.previousMonth = index;
    this.previousBucket = to;
  }

  /**
   * The last `months` calendar months up to the latest month with any transition, ascending; months inside that
   * window without transitions are reported as zeros, none before the first month with transitions.
   */
  result(): RollRate[] {
    const observed = [...this.transitions.keys()];
    if (observed.length === 0 || this.months < 1) return [];
    const last = Math.max(...observed);
    const first = Math.max(last - this.months + 1, Math.min(...observed));
    const out: RollRate[] = [];
    for (let index = first; index <= last; index++) {
      const counts = this.transitions.get(index);
      out.push({
        month: monthText(index),
        buckets: [...DPD_BUCKETS],
        counts: DPD_BUCKETS.map((_, from) => DPD_BUCKETS.map((_, to) => counts?.[from * SIZE + to] ?? 0)),
      });
    }
    return out;
  }
}

// Vintage curves: the cumulative default rate of each origination quarter by months on book (MOB), from one
// row per loan. Memory grows with quarters and months on book, not with loans.
import { monthIndex, quarterText } from '../../calendar.ts';

export interface Vintage {
  /** Origination quarter, e.g. 2024-Q3. */
  readonly vintage: string;
  readonly loans: number;
  /** Cumulative default rate at MOB 1, 2, … (index 0 = MOB 1), up to the last MOB every loan of the vintage reached. */
  readonly cumulativeDefaultRate: number[];
}

/** One origination month of a vintage. */
interface Cohort {
  loans: number;
  /** Loans by the MOB of their first default (defaults before origination count at MOB 0). */
  readonly defaultsByMob: number[];
}

export class VintageCurves {
  /** Cohorts by origination month index. */
  private readonly cohorts = new Map<number, Cohort>();

  add(originationDate: string, firstDefaultMonth: string | null): void {
    const origination = monthIndex(originationDate);
    let cohort = this.cohorts.get(origination);
    if (!cohort) this.cohorts.set(origination, (cohort = { loans: 0, defaultsByMob: [] }));
    cohort.loans += 1;
    if (firstDefaultMonth === null) return;
    const mob = Math.max(0, monthIndex(firstDefaultMonth) - origination);
    while (cohort.defaultsByMob.length <= mob) cohort.defaultsByMob.push(0);
    cohort.defaultsByMob[mob] = (cohort.defaultsByMob[mob] ?? 0) + 1;
  }

  /**
   * Curves as observed at the end of `observationEnd` (YYYY-MM). A quarter's curve stops at the last MOB its
   * youngest month has reached, so every point is over all of the vintage's loans and the curve never falls:
   * points past it would cover only the quarter's older months, and a curve that jumps when its population
   * changes reads as a change in risk.
   */
  result(observationEnd: string): Vintage[] {
    const end = monthIndex(observationEnd);
    const byQuarter = new Map<string, number[]>();
    for (const origination of [...this.cohorts.keys()].sort((a, b) => a - b)) {
      const quarter = quarterText(origination);
      const months = byQuarter.get(quarter);
      if (months) months.push(origination);
      else byQuarter.set(quarter, [origination]);
    }
    return [...byQuarter]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([vintage, months]) => {
        const cohorts = months.map((origination) => ({ origination, cohort: this.cohorts.get(origination) as Cohort }));
        const loans = cohorts.reduce((sum, { cohort }) => sum + cohort.loans, 0);
        // The youngest month is the last to reach each MOB.
        const lastMob = end - (months.at(-1) ?? end);
        const defaultedSoFar = cohorts.map(({ cohort }) => cohort.defaultsByMob[0] ?? 0);
        const cumulativeDefaultRate: number[] = [];
        for (let mob = 1; mob <= lastMob; mob++) {
          let defaulted = 0;
          cohorts.forEach(({ cohort }, c) => {
            defaultedSoFar[c] = (defaultedSoFar[c] ?? 0) + (cohort.defaultsByMob[mob] ?? 0);
            defaulted += defaultedSoFar[c] ?? 0;
          });
          cumulativeDefaultRate.push(defaulted / loans);
        }
        return { vintage, loans, cumulativeDefaultRate };
      });
  }
}

import { type AsfCategory, NSFR_ASF_CATEGORIES, NSFR_CATEGORIES, type NsfrBreakdown, type NsfrCategory, type RsfCategory } from '../../../preload/contract/liquidity.ts';
import { CategorySums, categoryTotal, sumWeighted, weighCategories } from './category-sums.ts';
import { checkMinorDigits } from './exact.ts';

const ASF: ReadonlySet<NsfrCategory> = new Set(NSFR_ASF_CATEGORIES);

export const NSFR_UNDEFINED = 'The NSFR is undefined: required stable funding is zero (no asset or commitment line has an RSF factor above 0).';

/** The NSFR of a set of NSFR lines: exact sums per category, factors applied per category at the end (as LcrTally). */
export class NsfrTally {
  private readonly sums = new CategorySums<NsfrCategory>(NSFR_CATEGORIES);
  private readonly factors: Readonly<Record<NsfrCategory, number>>;
  private readonly minorDigits: number;

  constructor(asf: Readonly<Record<AsfCategory, number>>, rsf: Readonly<Record<RsfCategory, number>>, minorDigits: number) {
    this.factors = { ...asf, ...rsf };
    this.minorDigits = checkMinorDigits(minorDigits);
  }

  add(category: NsfrCategory, amountMinor: number): void {
    this.sums.add(category, amountMinor);
  }

  breakdown(): NsfrBreakdown {
    const weighed = weighCategories(this.sums, (category) => this.factors[category], this.minorDigits);
    const asf = sumWeighted(weighed, (c) => ASF.has(c));
    const rsf = sumWeighted(weighed, (c) => !ASF.has(c));
    const undefinedRatio = rsf.isZero();
    return {
      asf: asf.toNumber(),
      rsf: rsf.toNumber(),
      nsfr: undefinedRatio ? null : asf.div(rsf).toNumber(),
      nsfrUndefined: undefinedRatio ? NSFR_UNDEFINED : null,
      categories: weighed.map(categoryTotal),
    };
  }
}

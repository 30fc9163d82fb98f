import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lcrBreakdownSchema, type LcrBreakdown, type LcrCategory } from '../../../preload/contract/liquidity.ts';
import { LCR_DEFAULT_FACTORS } from './categories.ts';
import { LCR_UNDEFINED, LcrTally } from './lcr.ts';

/** A breakdown of `lines` ([category, amount in minor units]) under the default factors, in a 2-decimal currency. */
function lcrOf(lines: readonly (readonly [LcrCategory, number])[], minorDigits = 2): LcrBreakdown {
  const tally = new LcrTally(LCR_DEFAULT_FACTORS, minorDigits);
  for (const [category, amountMinor] of lines) tally.add(category, amountMinor);
  return lcrBreakdownSchema.parse(tally.breakdown());
}

/** Everything but the category table. */
function figures(breakdown: LcrBreakdown): Omit<LcrBreakdown, 'categories'> {
  const { categories: _, ...rest } = breakdown;
  return rest;
}

describe('LcrTally', () => {
  it('applies both caps when Level 2 is more than 40 % and Level 2B more than 15 % of HQLA', () => {
    const result = lcrOf([
      ['hqla_l1_cash', 100_00], // L1  = 100
      ['hqla_l2a', 200_00], //     L2A = 200 × 0.85 = 170
      ['hqla_l2b_corporate', 300_00], // L2B = 300 × 0.50 = 150
      ['retail_less_stable', 1000_00], // outflows = 1000 × 0.10 = 100
    ]);
    // adjustment15 = max(150 − 15/85·(100 + 170), 150 − 15/60·100, 0) = max(150 − 47.06, 125, 0) = 125
    // adjustment40 = max(170 + 150 − 125 − 2/3·100, 0) = 195 − 200/3 = 385/3
    // HQLA = 100 + 170 + 150 − 125 − 385/3 = 500/3 (= 5/3 · L1: Level 1 is 60 % of what counts)
    // LCR = (500/3) / 100 = 5/3
    assert.deepEqual(figures(result), {
      hqla: 500 / 3,
      level1: 100,
      level2a: 170,
      level2b: 150,
      adjustment15: 125,
      adjustment40: 385 / 3,
      outflows: 100,
      inflows: 0,
      inflows_capped: 0,
      net_outflows: 100,
      lcr: 5 / 3,
      lcrUndefined: null,
    });
  });

  it('applies only the 15 % cap when Level 2B alone is too large', () => {
    const result = lcrOf([
      ['hqla_l1_cash', 600_00],
      ['hqla_l1_sovereign', 400_00], // L1 = 600 + 400 = 1000
      ['hqla_l2b_rmbs', 400_00], //     L2B = 400 × 0.75 = 300
      ['nonfinancial_corporate_unsecured', 5000_00], // outflows = 5000 × 0.40 = 2000
      ['inflow_retail', 1000_00], // inflows = 1000 × 0.50 = 500, below the cap 0.75 × 2000 = 1500
    ]);
    // adjustment15 = max(300 − 15/85·1000, 300 − 15/60·1000, 0) = max(300 − 3000/17, 50, 0) = 2100/17 ≈ 123.53
    // adjustment40 = max(0 + 300 − 2100/17 − 2/3·1000, 0) = 0
    // HQLA = 1000 + 300 − 2100/17 = 20000/17; net outflows = 2000 − 500 = 1500; LCR = (20000/17)/1500 = 40/51
    assert.equal(result.adjustment15, 2100 / 17);
    assert.equal(result.adjustment40, 0);
    assert.equal(result.hqla, 20000 / 17);
    assert.equal(result.inflows_capped, 500);
    assert.equal(result.net_outflows, 1500);
    assert.equal(result.lcr, 40 / 51);
    assert.deepEqual(
      result.categories.map((c) => [c.category, c.lines, c.amount, c.factor, c.weighted]),
      [
        ['hqla_l1_cash', 1, 600, 1, 600],
        ['hqla_l1_sovereign', 1, 400, 1, 400],
        ['hqla_l2b_rmbs', 1, 400, 0.75, 300],
        ['nonfinancial_corporate_unsecured', 1, 5000, 0.4, 2000],
        ['inflow_retail', 1, 1000, 0.5, 500],
      ],
      'one total per category with lines, in the contract’s order, whatever the order of the lines',
    );
  });

  it('caps inflows at 75 % of outflows', () => {
    const result = lcrOf([
      ['hqla_l1_sovereign', 500_00], // HQLA = 500
      ['financial_institution_unsecured', 400_00], // outflows = 400 × 1.00 = 400
      ['inflow_financial_institution', 1000_00], // inflows = 1000 × 1.00 = 1000 > 0.75 × 400 = 300
    ]);
    // net outflows = 400 − min(1000, 300) = 100; LCR = 500 / 100 = 5
    assert.deepEqual([result.inflows, result.inflows_capped, result.net_outflows, result.lcr], [1000, 300, 100, 5]);
  });

  it('gives an LCR of 0 with no HQLA', () => {
    const result = lcrOf([['retail_stable', 2000_00]]); // outflows = 2000 × 0.05 = 100
    assert.deepEqual([result.hqla, result.level1, result.adjustment15, result.adjustment40, result.net_outflows, result.lcr], [0, 0, 0, 0, 100, 0]);
    assert.deepEqual(result.categories.map((c) => c.category), ['retail_stable']);
  });

  it('leaves the LCR undefined, and says why, when net outflows are zero', () => {
    const result = lcrOf([
      ['hqla_l1_cash', 100_00],
      ['retail_term_gt30d', 5000_00], // run-off 0: outflows 0
      ['inflow_other_contractual', 100_00], // inflows 100, capped at 0.75 × 0 = 0
    ]);
    assert.deepEqual([result.outflows, result.inflows, result.inflows_capped, result.net_outflows], [0, 100, 0, 0]);
    assert.equal(result.lcr, null);
    assert.equal(result.lcrUndefined, LCR_UNDEFINED);
    assert.match(result.lcrUndefined ?? '', /net cash outflows .* are zero/);
    assert.deepEqual(figures(lcrOf([])), { ...figures(result), hqla: 0, level1: 0, inflows: 0 }, 'no lines at all');
  });

  it('sums amounts near 2^53 minor units over many lines exactly', () => {
    // 100 lines of 9 000 000 000 000 001 (a safe integer) and 100 of 1: 900 000 000 000 000 200 minor units.
    // Added as doubles the 1s are lost once the sum passes 2^53, and the big ones round too.
    const big = 9_000_000_000_000_001;
    const lines: [LcrCategory, number][] = [];
    for (let i = 0; i < 100; i++) lines.push(['hqla_l1_cash', big], ['hqla_l1_cash', 1], ['other_contractual_outflow', big]);
    lines.push(['other_contractual_outflow', 100]);
    const exactSum = 100n * BigInt(big) + 100n; // 900000000000000200 minor = 9 000 000 000 000 002.00
    assert.equal(exactSum, 900_000_000_000_000_200n);
    let naive = 0;
    for (const [category, amount] of lines) if (category === 'hqla_l1_cash') naive += amount;
    assert.notEqual(naive / 100, 9_000_000_000_000_002, 'the float sum is off, so the test can tell');
    const result = lcrOf(lines);
    assert.equal(result.level1, 9_000_000_000_000_002);
    assert.equal(result.categories[0]?.amount, 9_000_000_000_000_002);
    assert.equal(result.categories[0]?.lines, 200);
    // Outflows: 100 × big + 100 minor, the same total as the cash, so the LCR is exactly 1.
    assert.equal(result.outflows, 9_000_000_000_000_002);
    assert.equal(result.lcr, 1);
    // In a currency without a minor unit, the same lines are 100 times as much: past 2^53, so the double nearest the exact sum.
    assert.equal(lcrOf(lines, 0).level1, Number(exactSum));
  });

  it('matches an independent computation in exact fractions', () => {
    const lines: [LcrCategory, number][] = [
      ['hqla_l1_cash', 12_345_678], // 123 456.78
      ['hqla_l1_sovereign', 5],
      ['hqla_l2a', 98_765_432],
      ['hqla_l2b_equity', 55_555_555],
      ['hqla_l2b_rmbs', 33_333_333],
      ['retail_less_stable', 123_456_789],
      ['nonfinancial_corporate_unsecured', 76_543_210],
      ['inflow_retail', 200_000_000],
    ];
    const expected = lcrInFractions(lines);
    const result = lcrOf(lines);
    assert.ok(expected.adjustment15 > 0 && expected.adjustment40 > 0, 'both caps bind, so every step is exercised');
    for (const [key, value] of Object.entries(expected)) assert.equal(result[key as keyof typeof expected], value, key);
  });

  it('refuses amounts that are not whole minor units', () => {
    const tally = new LcrTally(LCR_DEFAULT_FACTORS, 2);
    assert.throws(() => tally.add('hqla_l1_cash', 1.5), /whole number of minor units/);
    assert.throws(() => tally.add('not_a_category' as LcrCategory, 1), /not one of the categories/);
  });
});

// ── An independent LCR in exact fractions (BigInt numerator/denominator), from DOMAIN.md's formulas ──
type Q = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? [-n / g, -d / g] : [n / g, d / g];
};
const add = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const sub = (a: Q, b: Q): Q => add(a, [-b[0], b[1]]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const less = (a: Q, b: Q): boolean => a[0] * b[1] < b[0] * a[1];
const max = (...xs: Q[]): Q => xs.reduce((m, x) => (less(m, x) ? x : m));
const min = (a: Q, b: Q): Q => (less(a, b) ? a : b);
const toNumber = (a: Q): number => Number(a[0]) / Number(a[1]);
/** A decimal factor such as 0.85 as the fraction 85/100. */
const factorQ = (factor: number): Q => {
  const [whole = '0', decimals = ''] = String(factor).split('.');
  return q(BigInt(whole + decimals), 10n ** BigInt(decimals.length));
};

function lcrInFractions(lines: readonly (readonly [LcrCategory, number])[]) {
  const zero = q(0n);
  let [l1, l2a, l2b, out, inflow] = [zero, zero, zero, zero, zero];
  for (const [category, minor] of lines) {
    const weighted = mul(q(BigInt(minor), 100n), factorQ(LCR_DEFAULT_FACTORS[category]));
    if (category.startsWith('hqla_l1')) l1 = add(l1, weighted);
    else if (category === 'hqla_l2a') l2a = add(l2a, weighted);
    else if (category.startsWith('hqla_l2b')) l2b = add(l2b, weighted);
    else if (category.startsWith('inflow_')) inflow = add(inflow, weighted);
    else out = add(out, weighted);
  }
  const adj15 = max(sub(l2b, mul(q(15n, 85n), add(l1, l2a))), sub(l2b, mul(q(15n, 60n), l1)), zero);
  const adj40 = max(sub(sub(add(l2a, l2b), adj15), mul(q(2n, 3n), l1)), zero);
  const hqla = sub(sub(add(add(l1, l2a), l2b), adj15), adj40);
  const capped = min(inflow, mul(q(3n, 4n), out));
  const net = sub(out, capped);
  return {
    level1: toNumber(l1),
    level2a: toNumber(l2a),
    level2b: toNumber(l2b),
    adjustment15: toNumber(adj15),
    adjustment40: toNumber(adj40),
    hqla: toNumber(hqla),
    outflows: toNumber(out),
    inflows: toNumber(inflow),
    inflows_capped: toNumber(capped),
    net_outflows: toNumber(net),
    lcr: toNumber(q(hqla[0] * net[1], hqla[1] * net[0])),
  };
}

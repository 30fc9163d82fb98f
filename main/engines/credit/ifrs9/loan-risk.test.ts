import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { eclMonthSchema, type CreditParameters } from '../../../../preload/contract/credit.ts';
import { assessLoan, type LoanRiskInput } from './loan-risk.ts';
import { TEST_CREDIT_PARAMETERS } from '../../../test-support/credit-test-parameters.ts';

const close = (actual: number | undefined, expected: number, relative = 1e-6): void =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} ≠ ${expected}`);
const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

/** LGD 0.5 for every loan. */
const HALF_LGD: CreditParameters = { ...TEST_CREDIT_PARAMETERS, lgd: { default: 0.5, rules: [] } };
/** No behavioural overlay: the 12-month PD stays the application PD whatever the DPD. */
const NO_OVERLAY: CreditParameters = { ...TEST_CREDIT_PARAMETERS, dpdOddsMultiplier: { current: 1, '1-29': 1, '30-59': 1, '60-89': 1 } };

/** Matures 2025-04-15: three months after 2025-01-15. */
const bullet: LoanRiskInput = {
  product: 'sme_working_capital',
  collateralType: null,
  repaymentType: 'interest_only_bullet',
  interestRate: 0.12,
  termMonths: 12,
  originationDate: '2024-04-15',
  maturityDate: null,
  balanceMinor: 1_000_000,
  undrawnMinor: 0,
  dpd: 45,
  status: 'delinquent',
};

/** A 36-month bullet at 0 %, originated on the as-of date, for stage-horizon checks without discounting. */
const threeYearBullet: LoanRiskInput = { ...bullet, product: 'cash_loan', interestRate: 0, termMonths: 36, originationDate: '2025-01-15', dpd: 0, status: 'current' };

describe('assessLoan', () => {
  it('sums a 3-month stage-2 bullet loan month by month', () => {
    // 45 DPD → odds × 6. PD12 = 1 − 0.99¹² = 0.113615…, so h = 0.01: its odds 0.128178 / 6 = 0.021363 are the
    // application odds, i.e. application PD 0.021363 / 1.021363 = 0.020916.
    // i = 12 % / 12 = 0.01, EAD 1 000 000 every month (bullet), LGD 0.5:
    //   t = 1: 0.01                · 0.5 · 1e6 / 1.01     = 5000   / 1.01     = 4950.495049…
    //   t = 2: 0.99 · 0.01 = 0.0099 · 0.5 · 1e6 / 1.0201   = 4950   / 1.0201   = 4852.465444…
    //   t = 3: 0.99² · 0.01 = 0.009801 · 0.5 · 1e6 / 1.030301 = 4900.5 / 1.030301 = 4756.377019…
    //   ECL = 14 559.337513… → 14 559 minor units.
    const pd12 = 1 - 0.99 ** 12;
    const applicationOdds = pd12 / (1 - pd12) / 6;
    const applicationPd = applicationOdds / (1 + applicationOdds);
    const result = assessLoan(bullet, applicationPd, HALF_LGD, '2025-01-15', { schedule: true });
    assert.equal(result.stage, 2);
    // The overlay also grows the 3-month lifetime PD from 1 − (1 − 0.020916)^(3/12) = 0.53 % to 1 − 0.99³ = 2.97 %.
    const reason = result.stageReason;
    assert.equal(reason.code, 'sicr');
    if (reason.code !== 'sicr') return;
    assert.deepEqual([reason.dpd, reason.sicrDpd, reason.dpdBeyond, reason.pdMultiple, reason.pdBeyond], [45, 30, true, 2.5, true]);
    close(reason.pdLifetimeNow, 1 - 0.99 ** 3);
    close(reason.pdLifetimeAtOrigination, 1 - (1 - 0.020916183802) ** (3 / 12), 1e-9);
    assert.equal(result.remainingMonths, 3);
    close(result.pd12m, 1 - 0.99 ** 12);
    close(result.pdOrigination, 0.020916183802, 1e-9);
    // Lifetime PD over 3 months = 1 − 0.99³ = 0.029701.
    close(result.pdLifetime, 0.029701);
    assert.equal(result.lgd, 0.5);
    assert.equal(result.eadMinor, 1_000_000);
    const schedule = result.schedule ?? [];
    for (const month of schedule) eclMonthSchema.parse(month);
    assert.deepEqual(
      schedule.map((m) => m.month),
      [1, 2, 3],
    );
    [0.01, 0.0099, 0.009801].forEach((pd, t) => close(schedule[t]?.marginalPd, pd));
    [0.99, 0.9801, 0.970299].forEach((s, t) => close(schedule[t]?.survival, s));
    [1 / 1.01, 1 / 1.0201, 1 / 1.030301].forEach((df, t) => close(schedule[t]?.discountFactor, df));
    [4950.495049504951, 4852.465444564258, 4756.377019919422].forEach((ecl, t) => close(schedule[t]?.eclMinor, ecl));
    close(sum(schedule.map((m) => m.eclMinor)), 14_559.33751398863);
    assert.equal(result.eclMinor, 14_559);
    // PD12 0.1136 ≤ F's 0.16. The required rate prices the PD at origination: 4.5 % + 0.020916 · 0.5 + 3 % + 2 % = 10.5458 %.
    assert.equal(result.grade, 'F');
    close(result.requiredRate, 0.10545809190111, 1e-9);
  });

  it('provides 12 months in stage 1 and the whole remaining life in stage 2 on a 36-month loan', () => {
    // Level EAD 1e6, DF 1, LGD 0.65 (cash_loan: the default): the marginal PDs add up to the lifetime PD.
    // Stage 1: PD over 12 months = 0.1 → 0.1 · 0.65 · 1e6 = 65 000.
    const stage1 = assessLoan(threeYearBullet, 0.1, NO_OVERLAY, '2025-01-15', { schedule: true });
    assert.equal(stage1.stage, 1);
    assert.equal(stage1.remainingMonths, 36);
    assert.equal(stage1.schedule?.length, 12);
    assert.equal(stage1.eclMinor, 65_000);
    // Stage 2 (31 DPD, same PD without an overlay): 1 − 0.9³ = 0.271 → 0.271 · 650 000 = 176 150.
    const stage2 = assessLoan({ ...threeYearBullet, dpd: 31 }, 0.1, NO_OVERLAY, '2025-01-15', { schedule: true });
    assert.equal(stage2.stage, 2);
    assert.equal(stage2.schedule?.length, 36);
    assert.equal(stage2.eclMinor, 176_150);
    close(sum((stage2.schedule ?? []).slice(0, 12).map((m) => m.eclMinor)), sum((stage1.schedule ?? []).map((m) => m.eclMinor)), 1e-12);
  });

  it('takes LGD × EAD, undiscounted, for a credit-impaired loan', () => {
    // Revolving line: CCF 0.5, LGD default 0.65. EAD = 1 234 567 + 0.5 · 100 000 = 1 284 567;
    // ECL = 0.65 · 1 284 567 = 834 968.55 → 834 969.
    const impaired: LoanRiskInput = { ...bullet, product: 'revolving_credit_line', repaymentType: 'revolving_min_payment', balanceMinor: 1_234_567, undrawnMinor: 100_000, dpd: 120 };
    const result = assessLoan(impaired, 0.02, TEST_CREDIT_PARAMETERS, '2025-01-15', { schedule: true });
    assert.equal(result.stage, 3);
    assert.deepEqual(result.stageReason, { code: 'impaired_dpd', dpd: 120, impairedDpd: 90 });
    assert.equal(result.eadMinor, 1_284_567);
    assert.equal(result.eclMinor, 834_969);
    assert.equal(result.pd12m, 1);
    assert.equal(result.pdLifetime, 1);
    assert.equal(result.grade, 'G');
    assert.deepEqual(result.schedule, [{ month: 0, marginalPd: 1, survival: 0, eadMinor: 1_284_567, lgd: 0.65, discountFactor: 1, eclMinor: 0.65 * 1_284_567 }]);
    // A status of default is impaired whatever the DPD.
    assert.equal(assessLoan({ ...impaired, dpd: 0, status: 'default' }, 0.02, TEST_CREDIT_PARAMETERS, '2025-01-15').eclMinor, 834_969);
  });

  it('adds the CCF share of the undrawn amount to EAD and to the loss', () => {
    // Revolving (CCF 0.5): 400 000 + 0.5 · 600 000 = 700 000; cash loan (CCF 0.75): 400 000 + 450 000 = 850 000.
    const line: LoanRiskInput = { ...threeYearBullet, product: 'revolving_credit_line', repaymentType: 'revolving_min_payment', balanceMinor: 400_000, undrawnMinor: 600_000 };
    const drawnOnly = assessLoan({ ...line, undrawnMinor: 0 }, 0.05, TEST_CREDIT_PARAMETERS, '2025-01-15', { schedule: true });
    const withUndrawn = assessLoan(line, 0.05, TEST_CREDIT_PARAMETERS, '2025-01-15', { schedule: true });
    assert.equal(withUndrawn.eadMinor, 700_000);
    assert.equal(assessLoan({ ...line, product: 'cash_loan' }, 0.05, TEST_CREDIT_PARAMETERS, '2025-01-15').eadMinor, 850_000);
    // Level exposure: the loss scales with EAD, 700 000 / 400 000 = 1.75.
    close(sum((withUndrawn.schedule ?? []).map((m) => m.eclMinor)) / sum((drawnOnly.schedule ?? []).map((m) => m.eclMinor)), 1.75, 1e-12);
  });

  it('moves a loan to stage 2 when its lifetime PD grows beyond the multiple, not before', () => {
    // 12 months left (lifetime PD = PD12). 10 DPD, odds × 3: 0.02/0.98 · 3 = 0.061224 → PD 0.057692 > 2.5 · 0.02 = 0.05 → stage 2.
    const loan: LoanRiskInput = { ...bullet, originationDate: '2024-07-01', termMonths: 24, dpd: 10 };
    const grown = assessLoan(loan, 0.02, TEST_CREDIT_PARAMETERS, '2025-07-01');
    assert.equal(grown.remainingMonths, 12);
    assert.equal(grown.stage, 2);
    assert.deepEqual(grown.stageReason.code === 'sicr' && [grown.stageReason.dpdBeyond, grown.stageReason.pdBeyond], [false, true]);
    close(grown.stageReason.code === 'sicr' ? grown.stageReason.pdLifetimeNow : 0, 0.06 / 1.04, 1e-9);
    // Odds × 2: 0.040816 → PD 0.039216 ≤ 0.05 → stage 1.
    const mild: CreditParameters = { ...TEST_CREDIT_PARAMETERS, dpdOddsMultiplier: { ...TEST_CREDIT_PARAMETERS.dpdOddsMultiplier, '1-29': 2 } };
    assert.equal(assessLoan(loan, 0.02, mild, '2025-07-01').stage, 1);
  });

  it('counts remaining months to the maturity date, a started month as whole, at least one', () => {
    // 15 Jan + 5 months = 15 Jun < 30 Jun → 6.
    assert.equal(assessLoan({ ...bullet, maturityDate: '2025-06-30' }, 0.02, TEST_CREDIT_PARAMETERS, '2025-01-15').remainingMonths, 6);
    assert.equal(assessLoan({ ...bullet, maturityDate: '2024-12-31' }, 0.02, TEST_CREDIT_PARAMETERS, '2025-01-15').remainingMonths, 1);
  });

  it('scales the odds, not the PD, so a risky delinquent loan stays below PD 1 until it is impaired', () => {
    // Application PD 0.5 (odds 1) at 75 DPD: odds × 10 = 10 → PD 10/11 = 0.909091 (a PD × 10 would be capped at 1).
    const late = assessLoan({ ...threeYearBullet, dpd: 75 }, 0.5, TEST_CREDIT_PARAMETERS, '2025-01-15');
    close(late.pd12m, 10 / 11, 1e-12);
    assert.equal(late.stage, 2);
  });

  it('grades on the 12-month PD after the overlay', () => {
    // 0.04 is D's bound exactly; 45 DPD: odds 0.041667 × 6 = 0.25 → PD 0.2 → G.
    assert.equal(assessLoan({ ...bullet, dpd: 0 }, 0.04, TEST_CREDIT_PARAMETERS, '2025-01-15').grade, 'D');
    assert.equal(assessLoan(bullet, 0.04, TEST_CREDIT_PARAMETERS, '2025-01-15').grade, 'G');
    assert.equal(assessLoan(bullet, 0.04, TEST_CREDIT_PARAMETERS, '2025-01-15').schedule, null);
  });
});

describe('assessLoan properties (seeded random loans)', () => {
  const REPAYMENTS = ['equal_instalment', 'equal_principal', 'interest_only_bullet', 'revolving_min_payment', null];
  const PRODUCTS = ['cash_loan', 'revolving_credit_line', 'sme_working_capital', 'consumer_instalment'];
  const COLLATERAL = [null, 'none', 'property', 'vehicle'];

  function* randomLoans(seed: number, count: number): Generator<{ loan: LoanRiskInput; pd: number }> {
    const rng = xoroshiro128plus(seed);
    const pick = <T>(values: readonly T[]): T => values[uniformInt(rng, 0, values.length - 1)] as T;
    for (let n = 0; n < count; n++) {
      const month = String(uniformInt(rng, 1, 12)).padStart(2, '0');
      const day = String(uniformInt(rng, 1, 28)).padStart(2, '0');
      yield {
        pd: 0.001 + 0.5 * uniformFloat64(rng),
        loan: {
          product: pick(PRODUCTS),
          collateralType: pick(COLLATERAL),
          repaymentType: pick(REPAYMENTS),
          interestRate: 0.36 * uniformFloat64(rng),
          termMonths: uniformInt(rng, 3, 60),
          originationDate: `${uniformInt(rng, 2021, 2024)}-${month}-${day}`,
          maturityDate: null,
          balanceMinor: uniformInt(rng, 1_000, 5_000_000),
          undrawnMinor: pick([0, uniformInt(rng, 0, 1_000_000)]),
          dpd: uniformInt(rng, 0, 200),
          status: pick([null, 'current', 'delinquent', 'default']),
        },
      };
    }
  }

  it('never provides less in stage 2 than in stage 1 for the same loan', () => {
    for (const { loan, pd } of randomLoans(11, 500)) {
      const stage1 = assessLoan({ ...loan, dpd: 0, status: 'current' }, pd, NO_OVERLAY, '2025-01-15');
      const stage2 = assessLoan({ ...loan, dpd: 31, status: 'current' }, pd, NO_OVERLAY, '2025-01-15');
      assert.deepEqual([stage1.stage, stage2.stage], [1, 2]);
      assert.ok(stage2.eclMinor >= stage1.eclMinor, `${JSON.stringify(loan)}: stage 2 ${stage2.eclMinor} < stage 1 ${stage1.eclMinor}`);
    }
  });

  it('gives a whole, non-negative ECL no larger than EAD', () => {
    for (const { loan, pd } of randomLoans(12, 500)) {
      const result = assessLoan(loan, pd, TEST_CREDIT_PARAMETERS, '2025-01-15');
      assert.ok(Number.isSafeInteger(result.eclMinor) && Number.isSafeInteger(result.eadMinor), JSON.stringify(result));
      assert.ok(result.eclMinor >= 0 && result.eclMinor <= result.eadMinor, `${JSON.stringify(loan)}: ECL ${result.eclMinor}, EAD ${result.eadMinor}`);
    }
  });

  it('scales ECL in proportion to LGD', () => {
    const lgdOf = (lgd: number): CreditParameters => ({ ...TEST_CREDIT_PARAMETERS, lgd: { default: lgd, rules: [] } });
    for (const { loan, pd } of randomLoans(13, 300)) {
      const low = assessLoan(loan, pd, lgdOf(0.3), '2025-01-15', { schedule: true });
      const high = assessLoan(loan, pd, lgdOf(0.6), '2025-01-15', { schedule: true });
      assert.ok(high.eclMinor >= low.eclMinor);
      // Every term is linear in LGD: doubling it doubles the unrounded sum.
      close(sum((high.schedule ?? []).map((m) => m.eclMinor)), 2 * sum((low.schedule ?? []).map((m) => m.eclMinor)), 1e-12);
    }
  });
});

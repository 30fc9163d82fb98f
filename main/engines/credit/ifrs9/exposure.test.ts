import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exposureSchedule, type ExposureInput } from './exposure.ts';

const close = (actual: number, expected: number, relative = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);

const base: ExposureInput = { balanceMinor: 1_000_000, undrawnMinor: 0, ccf: 0.75, monthlyRate: 0.01, remainingMonths: 3, repayment: 'equal_instalment' };

describe('exposureSchedule', () => {
  it('runs an annuity down by its closed form', () => {
    // n = 3, i = 1 %: (1.01)³ = 1.030301. B₁ = 1e6 · (1.030301 − 1.01) / 0.030301 = 669 977.888…
    // (= 1e6 · 1.01 − the instalment 340 022.11…); B₂ = 1e6 · (1.030301 − 1.0201) / 0.030301 = 336 655.555…
    const schedule = exposureSchedule(base);
    assert.equal(schedule.length, 3);
    close(schedule[0] ?? Number.NaN, 1_000_000);
    close(schedule[1] ?? Number.NaN, 669_977.8885185275, 1e-12);
    close(schedule[2] ?? Number.NaN, 336_655.5559222436, 1e-12);

    // 36 months at 1.5 % a month: every month against B₀·((1+i)^n − (1+i)^k)/((1+i)^n − 1) with Math.pow.
    const long = exposureSchedule({ ...base, monthlyRate: 0.015, remainingMonths: 36 });
    const g = 1.015 ** 36;
    long.forEach((value, k) => close(value, (1_000_000 * (g - 1.015 ** k)) / (g - 1), 1e-12));
  });

  it('runs equal principal, and an annuity at 0 %, down in a straight line', () => {
    const straight = [1_000_000, (1_000_000 * 2) / 3, 1_000_000 / 3];
    Array.from(exposureSchedule({ ...base, repayment: 'equal_principal' })).forEach((value, k) => close(value, straight[k] ?? Number.NaN));
    Array.from(exposureSchedule({ ...base, monthlyRate: 0 })).forEach((value, k) => close(value, straight[k] ?? Number.NaN));
  });

  it('keeps bullets, revolving lines and unknown repayment types at today’s balance', () => {
    for (const repayment of ['interest_only_bullet', 'revolving_min_payment', 'balloon_someday', null]) {
      assert.deepEqual(Array.from(exposureSchedule({ ...base, repayment })), [1_000_000, 1_000_000, 1_000_000], String(repayment));
    }
  });

  it('adds the CCF share of the undrawn amount to every month', () => {
    // 0.5 · 200 000 = 100 000 on top of the straight line 1e6, 666 666.67, 333 333.33.
    const schedule = exposureSchedule({ ...base, repayment: 'equal_principal', undrawnMinor: 200_000, ccf: 0.5 });
    [1_100_000, (1_000_000 * 2) / 3 + 100_000, 1_000_000 / 3 + 100_000].forEach((expected, k) => close(schedule[k] ?? Number.NaN, expected));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPortfolioSummary, dpdBucket, isDefaulted, type LoanPosition } from './portfolio-summary.ts';

function loan(overrides: Partial<LoanPosition> & Pick<LoanPosition, 'loan_id'>): LoanPosition {
  return { product: 'personal', currency: 'EUR', principal_minor: 100_00, outstanding_balance_minor: 100_00, dpd: 0, status: 'active', ...overrides };
}

describe('dpdBucket', () => {
  it('puts each boundary in the bucket that starts with it', () => {
    const cases: [number | null, string][] = [
      [null, 'current'], [0, 'current'], [1, '1-29'], [29, '1-29'], [30, '30-59'], [59, '30-59'],
      [60, '60-89'], [89, '60-89'], [90, '90+'], [400, '90+'],
    ];
    for (const [dpd, bucket] of cases) assert.equal(dpdBucket(dpd), bucket, `dpd ${dpd}`);
  });
});

describe('isDefaulted', () => {
  it('flags 90+ days past due, write-offs and defaults, in any spelling of the status', () => {
    assert.equal(isDefaulted({ dpd: 89, status: 'active' }), false);
    assert.equal(isDefaulted({ dpd: 90, status: 'active' }), true);
    assert.equal(isDefaulted({ dpd: 0, status: 'Written Off' }), true);
    assert.equal(isDefaulted({ dpd: null, status: 'write-off' }), true);
    assert.equal(isDefaulted({ dpd: null, status: 'DEFAULT' }), true);
    assert.equal(isDefaulted({ dpd: null, status: 'charged_off' }), true);
    assert.equal(isDefaulted({ dpd: null, status: null }), false);
    assert.equal(isDefaulted({ dpd: 10, status: 'restructured' }), false);
  });
});

describe('createPortfolioSummary', () => {
  // Worked by hand:
  //   personal: A current 1000.00, B 15 dpd 500.00, C 95 dpd 250.00 (default), D written off at 0 dpd 0.00 (default)
  //   sme:      E 45 dpd no balance reported → principal 2000.00, F 70 dpd 300.00 in USD
  //   EUR total 1000 + 500 + 250 + 0 + 2000 = 3750.00; USD total 300.00; defaults C and D.
  const loans: LoanPosition[] = [
    loan({ loan_id: 'A', outstanding_balance_minor: 1000_00 }),
    loan({ loan_id: 'B', dpd: 15, outstanding_balance_minor: 500_00 }),
    loan({ loan_id: 'C', dpd: 95, outstanding_balance_minor: 250_00, status: 'overdue' }),
    loan({ loan_id: 'D', dpd: 0, outstanding_balance_minor: 0, status: 'written_off' }),
    loan({ loan_id: 'E', product: 'sme', dpd: 45, principal_minor: 2000_00, outstanding_balance_minor: null }),
    loan({ loan_id: 'F', product: 'sme', dpd: 70, currency: 'USD', outstanding_balance_minor: 300_00 }),
  ];

  it('sums by product and DPD bucket, per currency, and counts defaults', () => {
    const summary = createPortfolioSummary();
    summary.add(loans);
    assert.deepEqual(summary.result(), {
      total: { loans: 6, defaults: 2, outstanding: [{ currency: 'EUR', minor: 3750_00 }, { currency: 'USD', minor: 300_00 }] },
      byProduct: [
        { product: 'personal', loans: 4, defaults: 2, outstanding: [{ currency: 'EUR', minor: 1750_00 }] },
        { product: 'sme', loans: 2, defaults: 0, outstanding: [{ currency: 'EUR', minor: 2000_00 }, { currency: 'USD', minor: 300_00 }] },
      ],
      byDpdBucket: [
        { bucket: 'current', loans: 2, defaults: 1, outstanding: [{ currency: 'EUR', minor: 1000_00 }] },
        { bucket: '1-29', loans: 1, defaults: 0, outstanding: [{ currency: 'EUR', minor: 500_00 }] },
        { bucket: '30-59', loans: 1, defaults: 0, outstanding: [{ currency: 'EUR', minor: 2000_00 }] },
        { bucket: '60-89', loans: 1, defaults: 0, outstanding: [{ currency: 'USD', minor: 300_00 }] },
        { bucket: '90+', loans: 1, defaults: 1, outstanding: [{ currency: 'EUR', minor: 250_00 }] },
      ],
      outstandingFromPrincipal: 1,
    });
  });

  it('gives the same result however the loans are batched', () => {
    const whole = createPortfolioSummary();
    whole.add(loans);
    const batched = createPortfolioSummary();
    for (let i = 0; i < loans.length; i += 4) batched.add(loans.slice(i, i + 4));
    batched.add([]);
    assert.deepEqual(batched.result(), whole.result());
  });

  it('lists all five buckets and no products for an empty portfolio', () => {
    const result = createPortfolioSummary().result();
    assert.deepEqual(result.total, { loans: 0, defaults: 0, outstanding: [] });
    assert.deepEqual(result.byProduct, []);
    assert.deepEqual(result.byDpdBucket.map((line) => [line.bucket, line.loans]), [['current', 0], ['1-29', 0], ['30-59', 0], ['60-89', 0], ['90+', 0]]);
  });

  it('refuses a sum that would lose precision rather than round it', () => {
    const summary = createPortfolioSummary();
    summary.add([loan({ loan_id: 'big-1', outstanding_balance_minor: Number.MAX_SAFE_INTEGER - 1 })]);
    assert.throws(() => summary.add([loan({ loan_id: 'big-2', outstanding_balance_minor: 2 })]), /exceeds the largest exactly representable amount/);
  });

  it('refuses a balance that is not a whole number of minor units', () => {
    assert.throws(() => createPortfolioSummary().add([loan({ loan_id: 'frac', outstanding_balance_minor: 10.5 })]), /loan frac: outstanding balance 10.5/);
  });

  it('keeps a product named like an object property as data', () => {
    const summary = createPortfolioSummary();
    summary.add([loan({ loan_id: 'p', product: '__proto__' }), loan({ loan_id: 'q', product: 'constructor' })]);
    assert.deepEqual(summary.result().byProduct.map((line) => [line.product, line.loans]), [['__proto__', 1], ['constructor', 1]]);
  });
});

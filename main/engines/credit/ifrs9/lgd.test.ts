import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CreditParameters } from '../../../../preload/contract/credit.ts';
import { ccfFor, lgdFor } from './lgd.ts';
import { TEST_CREDIT_PARAMETERS } from '../../../test-support/credit-test-parameters.ts';

describe('lgdFor', () => {
  it('prefers a collateral rule to a product rule, and falls back to the default', () => {
    // sme_working_capital has a product rule (0.55), property a collateral rule (0.25): collateral wins.
    assert.equal(lgdFor(TEST_CREDIT_PARAMETERS, 'sme_working_capital', 'property'), 0.25);
    assert.equal(lgdFor(TEST_CREDIT_PARAMETERS, 'cash_loan', 'vehicle'), 0.4);
    assert.equal(lgdFor(TEST_CREDIT_PARAMETERS, 'consumer_instalment', null), 0.7);
    assert.equal(lgdFor(TEST_CREDIT_PARAMETERS, 'cash_loan', null), 0.65);
    // A collateral type without a rule of its own: the product's rule, else the default.
    assert.equal(lgdFor(TEST_CREDIT_PARAMETERS, 'sme_working_capital', 'inventory'), 0.55);
    assert.equal(lgdFor(TEST_CREDIT_PARAMETERS, 'cash_loan', 'inventory'), 0.65);
  });

  it("treats 'none' as no collateral: only rules without a collateral type apply", () => {
    const params: CreditParameters = { ...TEST_CREDIT_PARAMETERS, lgd: { default: 0.65, rules: [{ product: null, collateralType: 'none', lgd: 0.01 }, ...TEST_CREDIT_PARAMETERS.lgd.rules] } };
    assert.equal(lgdFor(params, 'sme_working_capital', 'none'), 0.55);
    assert.equal(lgdFor(params, 'cash_loan', 'none'), 0.65);
  });

  it('prefers a product-and-collateral rule to everything, wherever it is listed', () => {
    const params: CreditParameters = {
      ...TEST_CREDIT_PARAMETERS,
      lgd: { default: 0.65, rules: [{ product: null, collateralType: null, lgd: 0.6 }, ...TEST_CREDIT_PARAMETERS.lgd.rules, { product: 'sme_working_capital', collateralType: 'property', lgd: 0.2 }] },
    };
    assert.equal(lgdFor(params, 'sme_working_capital', 'property'), 0.2);
    assert.equal(lgdFor(params, 'cash_loan', 'property'), 0.25);
    // The rule naming neither product nor collateral ranks below product rules but above the default.
    assert.equal(lgdFor(params, 'consumer_instalment', null), 0.7);
    assert.equal(lgdFor(params, 'cash_loan', null), 0.6);
  });
});

describe('ccfFor', () => {
  it('takes the product’s CCF, else the default (also for names of Object members)', () => {
    assert.equal(ccfFor(TEST_CREDIT_PARAMETERS, 'revolving_credit_line'), 0.5);
    assert.equal(ccfFor(TEST_CREDIT_PARAMETERS, 'cash_loan'), 0.75);
    assert.equal(ccfFor(TEST_CREDIT_PARAMETERS, 'constructor'), 0.75);
  });
});

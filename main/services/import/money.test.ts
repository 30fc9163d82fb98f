import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Invalid } from './invalid.ts';
import { currencyMinorDigits } from '../../engines/currency.ts';
import { parseCurrency, parseMoney } from './money.ts';

function reason(result: unknown): string {
  assert.ok(result instanceof Invalid, `expected a rejection, got ${String(result)}`);
  return result.reason;
}

describe('parseMoney', () => {
  it('moves the decimal point by the currency minor digits', () => {
    assert.equal(parseMoney('1234.56', 'CNY'), 123456);
    assert.equal(parseMoney('1234.5', 'CNY'), 123450);
    assert.equal(parseMoney('1234', 'CNY'), 123400);
    assert.equal(parseMoney('0.29', 'USD'), 29); // 0.29 * 100 is 28.999999999999996 as doubles
    assert.equal(parseMoney('1000', 'JPY'), 1000);
    assert.equal(parseMoney('1.234', 'KWD'), 1234);
    assert.equal(parseMoney('007.10', 'CNY'), 710);
  });

  it('keeps the sign of negative amounts and never yields -0', () => {
    assert.equal(parseMoney('-0.5', 'CNY'), -50);
    assert.equal(parseMoney('-1234.56', 'CNY'), -123456);
    assert.ok(Object.is(parseMoney('-0', 'CNY'), 0));
    assert.ok(Object.is(parseMoney('-0.00', 'CNY'), 0));
  });

  it('rejects more decimals than the currency has', () => {
    assert.equal(reason(parseMoney('1.005', 'CNY')), 'has 3 decimals but CNY has 2');
    assert.equal(reason(parseMoney('10.5', 'JPY')), 'has decimals but JPY has no minor unit');
    assert.equal(reason(parseMoney('1000.50', 'JPY')), 'has decimals but JPY has no minor unit');
    assert.equal(reason(parseMoney('1.0050', 'CNY')), 'has 3 decimals but CNY has 2');
  });

  it('accepts zeros past the minor unit, which lose nothing', () => {
    assert.equal(parseMoney('1000.00', 'JPY'), 1000);
    assert.equal(parseMoney('12.3400', 'CNY'), 1234);
    assert.equal(parseMoney('-7.000', 'KWD'), -7000);
  });

  it('rejects notations a float parser would accept, saying which habit produced them', () => {
    assert.match(reason(parseMoney('1e3', 'CNY')), /exponent/);
    assert.match(reason(parseMoney('1.5E+2', 'CNY')), /exponent/);
    assert.match(reason(parseMoney(' 12', 'CNY')), /spaces/);
    assert.match(reason(parseMoney('12 ', 'CNY')), /spaces/);
    assert.equal(reason(parseMoney('12.', 'CNY')), 'ends with a decimal point; write 12 or 12.00');
    assert.match(reason(parseMoney('.5', 'CNY')), /no digit before the decimal point/);
    assert.match(reason(parseMoney('+12', 'CNY')), /plus sign/);
    assert.match(reason(parseMoney('1,234.56', 'CNY')), /comma/);
    assert.match(reason(parseMoney('12,5', 'CNY')), /comma/);
    assert.equal(reason(parseMoney('¥12', 'CNY')), 'is not an amount like 1234.56');
    assert.equal(reason(parseMoney('abc', 'CNY')), 'is not an amount like 1234.56');
    assert.equal(reason(parseMoney('--1', 'CNY')), 'is not an amount like 1234.56');
    assert.equal(reason(parseMoney('NaN', 'CNY')), 'is not an amount like 1234.56');
    assert.equal(reason(parseMoney('Infinity', 'CNY')), 'is not an amount like 1234.56');
  });

  it('accepts the largest exact amount and rejects anything beyond it', () => {
    assert.equal(parseMoney('90071992547409.91', 'CNY'), Number.MAX_SAFE_INTEGER);
    assert.equal(parseMoney('-90071992547409.91', 'CNY'), -Number.MAX_SAFE_INTEGER);
    assert.equal(reason(parseMoney('90071992547409.92', 'CNY')), 'is too large');
    assert.equal(reason(parseMoney('1' + '0'.repeat(30), 'JPY')), 'is too large');
  });
});

describe('currencies', () => {
  it('takes minor digits from ICU', () => {
    assert.equal(currencyMinorDigits('CNY'), 2);
    assert.equal(currencyMinorDigits('JPY'), 0);
    assert.equal(currencyMinorDigits('KWD'), 3);
  });

  it('accepts ISO 4217 codes as written and explains the rest', () => {
    assert.equal(parseCurrency('USD'), 'USD');
    assert.equal(reason(parseCurrency('usd')), 'is not written as its ISO 4217 code; write USD');
    assert.match(reason(parseCurrency('RMB')), /not an ISO 4217 currency code/);
    assert.match(reason(parseCurrency('XYZ')), /not an ISO 4217 currency code/);
  });
});

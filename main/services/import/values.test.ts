import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDate, parseTimestamp, parseYearMonth } from './calendar.ts';
import { Invalid } from './invalid.ts';
import { between, nonNegative, parseDecimal, parseInteger, positive } from './numbers.ts';
import { parseBoolean, parseChoice, parseIdentifier } from './text-values.ts';

function reason(result: unknown): string {
  assert.ok(result instanceof Invalid, `expected a rejection, got ${String(result)}`);
  return result.reason;
}

describe('numbers', () => {
  it('parses decimals and integers in plain notation only', () => {
    assert.equal(parseDecimal('0.125'), 0.125);
    assert.equal(parseDecimal('-3'), -3);
    assert.match(reason(parseDecimal('12.5%')), /percentage/);
    assert.match(reason(parseDecimal('1e-2')), /exponent/);
    assert.equal(parseInteger('36'), 36);
    assert.ok(Object.is(parseInteger('-0'), 0));
    assert.equal(reason(parseInteger('3.5')), 'is not a whole number');
    assert.equal(reason(parseInteger('9007199254740993')), 'is too large');
    assert.equal(reason(parseInteger('twelve')), 'is not a number like 1234.56');
  });

  it('states domain rules as reasons', () => {
    assert.equal(positive(1), null);
    assert.equal(positive(0), 'must be more than 0');
    assert.equal(nonNegative(0), null);
    assert.equal(nonNegative(-1), 'must not be negative');
    assert.equal(between(0, 10)(10), null);
    assert.equal(between(0, 10)(10.01), 'must be between 0 and 10');
  });
});

describe('calendar', () => {
  it('accepts calendar dates only', () => {
    assert.equal(parseDate('2024-02-29'), '2024-02-29');
    assert.equal(reason(parseDate('2023-02-29')), 'is not a date on the calendar');
    assert.equal(reason(parseDate('2000-13-01')), 'is not a date on the calendar');
    assert.equal(reason(parseDate('2000-04-31')), 'is not a date on the calendar');
    assert.equal(parseDate('2000-02-29'), '2000-02-29');
    assert.equal(reason(parseDate('1900-02-29')), 'is not a date on the calendar');
    assert.equal(reason(parseDate('2024/01/31')), 'is not a date in the form YYYY-MM-DD');
    assert.equal(reason(parseDate('31.01.2024')), 'is not a date in the form YYYY-MM-DD');
    assert.equal(reason(parseDate('2024-1-31')), 'is not a date in the form YYYY-MM-DD');
  });

  it('accepts year-months', () => {
    assert.equal(parseYearMonth('2024-12'), '2024-12');
    assert.equal(reason(parseYearMonth('2024-13')), 'is not a month on the calendar');
    assert.equal(reason(parseYearMonth('2024-12-01')), 'is not a month in the form YYYY-MM');
  });

  it('stores timestamps as UTC in one sortable shape', () => {
    assert.equal(parseTimestamp('2024-01-31T09:30:00+08:00'), '2024-01-31T01:30:00.000Z');
    assert.equal(parseTimestamp('2024-01-31T09:30:00Z'), '2024-01-31T09:30:00.000Z');
    assert.equal(parseTimestamp('2024-01-31 09:30Z'), '2024-01-31T09:30:00.000Z');
    assert.equal(parseTimestamp('2024-03-01T01:00:00.5+02:00'), '2024-02-29T23:00:00.500Z');
    assert.equal(parseTimestamp('2023-12-31T20:00:00.123456-05:30'), '2024-01-01T01:30:00.123Z');
    assert.equal(parseTimestamp('0101-01-01T00:00:00Z'), '0101-01-01T00:00:00.000Z');
  });

  it('requires a zone and real times', () => {
    assert.equal(reason(parseTimestamp('2024-01-31T09:30:00')), 'has no time zone; add Z for UTC or an offset such as +08:00');
    assert.match(reason(parseTimestamp('2024-01-31')), /date without a time/);
    assert.equal(reason(parseTimestamp('2024-01-31T24:00:00Z')), 'is not a time of day');
    assert.equal(reason(parseTimestamp('2024-02-30T10:00:00Z')), 'is not a date on the calendar');
    assert.equal(reason(parseTimestamp('2024-01-31T09:30:00+24:00')), 'has a time zone offset that does not exist');
    assert.match(reason(parseTimestamp('2024-01-31T09:30:00+0800')), /not a timestamp/);
    assert.match(reason(parseTimestamp('1706693400')), /not a timestamp/);
    assert.equal(reason(parseTimestamp('0000-01-01T00:00:00+01:00')), 'is outside the years 0001 to 9999 in UTC');
  });
});

describe('text values', () => {
  it('reads booleans as spreadsheets and people write them', () => {
    for (const yes of ['true', 'TRUE', 'True', '1', 'yes', 'YES']) assert.equal(parseBoolean(yes), 1);
    for (const no of ['false', 'FALSE', '0', 'no', 'No']) assert.equal(parseBoolean(no), 0);
    assert.equal(reason(parseBoolean('y')), 'is not true/false, yes/no or 1/0');
  });

  it('refuses ids with surrounding spaces', () => {
    assert.equal(parseIdentifier('L-1'), 'L-1');
    assert.match(reason(parseIdentifier('L-1 ')), /spaces/);
  });

  it('checks choices exactly, hinting at the spelling', () => {
    const isColour = (v: string): v is 'red' | 'blue' => v === 'red' || v === 'blue';
    assert.equal(parseChoice('red', isColour, 'red, blue'), 'red');
    assert.equal(reason(parseChoice('Red', isColour, 'red, blue')), 'is not written exactly as red');
    assert.equal(reason(parseChoice('green', isColour, 'red, blue')), 'is not one of red, blue');
  });
});

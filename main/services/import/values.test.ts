import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDate, parseTimestamp, parseYearMonth } from './date-values.ts';
import { Invalid } from './invalid.ts';
import { between, nonNegative, parseDecimal, parseInteger, positive } from './numbers.ts';
import { parseBoolean, parseChoice, parseIdentifier, parseText } from './text-values.ts';

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

  it('suggests a fix by repeating a short number only, never echoing a long one', () => {
    assert.equal(reason(parseDecimal('12.')), 'ends with a decimal point; write 12 or 12.00');
    assert.equal(reason(parseDecimal(`${'9'.repeat(100)}.`)), 'ends with a decimal point; remove it or write the decimals after it');
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

  it('refuses dates and months outside 1900-01-01 to 2200-12-31', () => {
    for (const edge of ['1900-01-01', '2200-12-31']) assert.equal(parseDate(edge), edge);
    for (const outside of ['1899-12-31', '2201-01-01', '0024-05-01']) assert.equal(reason(parseDate(outside)), 'is outside the accepted range 1900-01-01 to 2200-12-31', outside);
    for (const edge of ['1900-01', '2200-12']) assert.equal(parseYearMonth(edge), edge);
    for (const outside of ['1899-12', '9999-01']) assert.equal(reason(parseYearMonth(outside)), 'is outside the accepted range 1900-01 to 2200-12', outside);
  });

  it('refuses timestamps outside 1900-01-01 to 2200-12-31 in UTC', () => {
    assert.equal(parseTimestamp('1900-01-01T00:00:00Z'), '1900-01-01T00:00:00.000Z');
    assert.equal(parseTimestamp('2200-12-31T23:59:59.999Z'), '2200-12-31T23:59:59.999Z');
    assert.equal(parseTimestamp('2201-01-01T07:59:59+08:00'), '2200-12-31T23:59:59.000Z');
    const outside = ['1899-12-31T23:59:59.999Z', '1900-01-01T07:59:59+08:00', '2201-01-01T00:00:00Z', '0101-01-01T00:00:00Z', '0000-01-01T00:00:00+01:00', '9999-12-31T23:00:00-05:00'];
    for (const text of outside) assert.equal(reason(parseTimestamp(text)), 'is outside the accepted range 1900-01-01 to 2200-12-31 (in UTC)', text);
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
  });

  it('requires a zone and real times', () => {
    assert.equal(reason(parseTimestamp('2024-01-31T09:30:00')), 'has no time zone; add Z for UTC or an offset such as +08:00');
    assert.match(reason(parseTimestamp('2024-01-31')), /date without a time/);
    assert.equal(reason(parseTimestamp('2024-01-31T24:00:00Z')), 'is not a time of day');
    assert.equal(reason(parseTimestamp('2024-02-30T10:00:00Z')), 'is not a date on the calendar');
    assert.equal(reason(parseTimestamp('2024-01-31T09:30:00+24:00')), 'has a time zone offset that does not exist');
    assert.match(reason(parseTimestamp('2024-01-31T09:30:00+0800')), /not a timestamp/);
    assert.match(reason(parseTimestamp('1706693400')), /not a timestamp/);
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

  it('refuses control, invisible and direction-changing characters in ids, naming the character', () => {
    const cases: [string, string][] = [
      ['L\u202E1', 'contains U+202E (right-to-left override) at character 2'],
      ['L\u202D1', 'contains U+202D (left-to-right override) at character 2'],
      ['\u2066L1', 'contains U+2066 (left-to-right isolate) at character 1'],
      ['L1\u2069', 'contains U+2069 (pop directional isolate) at character 3'],
      ['L\u00001', 'contains U+0000 (null) at character 2'],
      ['L\u001B[31m', 'contains U+001B (escape) at character 2'],
      ['L\u009B1', 'contains U+009B (control sequence introducer) at character 2'],
      ['L\t1', 'contains U+0009 (tab) at character 2'],
      ['L\n1', 'contains U+000A (line feed) at character 2'],
      ['L\u20281', 'contains U+2028 (line separator) at character 2'],
      ['L\u200B1', 'contains U+200B (zero-width space) at character 2'],
      ['😀L\u0007', 'contains U+0007 (a control character) at character 3'],
    ];
    for (const [id, because] of cases) {
      assert.equal(reason(parseIdentifier(id)), `${because}; ids may not contain control, invisible or line-break characters`, JSON.stringify(id));
    }
  });

  it('refuses ids longer than 64 characters', () => {
    assert.equal(parseIdentifier('x'.repeat(64)), 'x'.repeat(64));
    assert.equal(reason(parseIdentifier('x'.repeat(65))), 'is 65 characters long; ids may have at most 64');
    assert.equal(parseIdentifier('贷'.repeat(64)), '贷'.repeat(64));
    assert.equal(parseIdentifier('😀'.repeat(64)), '😀'.repeat(64), 'characters, not UTF-16 units');
  });

  it('accepts free text with line breaks, tabs and any script', () => {
    for (const text of ['north\r\nof the river', 'a\tb', 'مرحبا\u200F', '👩\u200D💻 engineer', 'x'.repeat(500)]) assert.equal(parseText(text), text);
  });

  it('refuses control and direction-changing characters in free text, naming the character', () => {
    const cases: [string, string][] = [
      ['safe\u202Etxt.exe', 'contains U+202E (right-to-left override) at character 5'],
      ['a\u2067b', 'contains U+2067 (right-to-left isolate) at character 2'],
      ['a\u202Ab', 'contains U+202A (left-to-right embedding) at character 2'],
      ['\u0000', 'contains U+0000 (null) at character 1'],
      ['bell\u0007', 'contains U+0007 (a control character) at character 5'],
      ['del\u007F', 'contains U+007F (delete) at character 4'],
      ['a\u0085b', 'contains U+0085 (next line) at character 2'],
      ['a\u2029b', 'contains U+2029 (paragraph separator) at character 2'],
    ];
    for (const [text, because] of cases) {
      assert.equal(reason(parseText(text)), `${because}; text may not contain control or direction-changing characters`, JSON.stringify(text));
    }
  });

  it('refuses free text longer than 500 characters', () => {
    assert.equal(reason(parseText('x'.repeat(501))), 'is 501 characters long; text may have at most 500');
  });

  it('checks choices exactly, hinting at the spelling', () => {
    const isColour = (v: string): v is 'red' | 'blue' => v === 'red' || v === 'blue';
    assert.equal(parseChoice('red', isColour, 'red, blue'), 'red');
    assert.equal(reason(parseChoice('Red', isColour, 'red, blue')), 'is not written exactly as red');
    assert.equal(reason(parseChoice('green', isColour, 'red, blue')), 'is not one of red, blue');
  });
});

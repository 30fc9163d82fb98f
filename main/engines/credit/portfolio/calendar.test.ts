import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, daysInMonth, monthIndex, monthsUntil, monthText, parseDay, quarterText } from './calendar.ts';

describe('calendar', () => {
  it('parses real dates and rejects impossible or malformed ones', () => {
    assert.deepEqual(parseDay('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.throws(() => parseDay('2023-02-29'), RangeError);
    assert.throws(() => parseDay('2025-04-31'), RangeError);
    assert.throws(() => parseDay('2025-13-01'), RangeError);
    assert.throws(() => parseDay('2025-1-01'), RangeError);
    assert.throws(() => parseDay('20x4-01-01'), RangeError);
    assert.throws(() => parseDay('2024-01-01T00:00'), RangeError);
    assert.throws(() => monthIndex('2025-00'), RangeError);
    assert.throws(() => monthIndex('2025-1'), RangeError);
    assert.throws(() => monthIndex('2025-01-xx'), RangeError);
    assert.throws(() => monthIndex('2025/01'), RangeError);
  });

  it('knows month lengths, leap years included (1900 was not one, 2000 was)', () => {
    assert.deepEqual([1, 2, 4, 12].map((m) => daysInMonth(2023, m)), [31, 28, 30, 31]);
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(1900, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
  });

  it('numbers months consecutively across years and names them back', () => {
    // 2024 · 12 + (3 − 1) = 24290; a day in the month gives the same index.
    assert.equal(monthIndex('2024-03'), 24290);
    assert.equal(monthIndex('2024-03-31'), 24290);
    assert.equal(monthIndex('2025-01') - monthIndex('2024-12'), 1);
    assert.equal(monthText(monthIndex('2024-12') + 1), '2025-01');
    assert.deepEqual(['2024-01', '2024-03', '2024-04', '2024-12'].map((m) => quarterText(monthIndex(m))), ['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q4']);
  });

  it('adds months keeping the day, clamped at month end', () => {
    assert.deepEqual(addMonths(parseDay('2024-01-31'), 1), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(addMonths(parseDay('2023-01-31'), 1), { year: 2023, month: 2, day: 28 });
    assert.deepEqual(addMonths(parseDay('2024-11-15'), 14), { year: 2026, month: 1, day: 15 });
    assert.deepEqual(addMonths(parseDay('2024-03-15'), -3), { year: 2023, month: 12, day: 15 });
  });

  it('counts whole months until a date, a started month as a whole one', () => {
    assert.equal(monthsUntil(parseDay('2025-01-15'), parseDay('2025-04-15')), 3);
    // One day into a fourth month.
    assert.equal(monthsUntil(parseDay('2025-01-15'), parseDay('2025-04-16')), 4);
    assert.equal(monthsUntil(parseDay('2025-01-15'), parseDay('2025-04-14')), 3);
    // 31 Jan + 1 month = 28 Feb, which reaches 28 Feb.
    assert.equal(monthsUntil(parseDay('2023-01-31'), parseDay('2023-02-28')), 1);
    assert.equal(monthsUntil(parseDay('2025-01-15'), parseDay('2025-01-15')), 0);
    assert.equal(monthsUntil(parseDay('2025-03-15'), parseDay('2025-01-20')), -1);
  });
});

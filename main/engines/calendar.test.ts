import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, civilDate, dayInMonth, dayNumber, daysInMonth, dayText, isCalendarDate, MS_PER_DAY, monthIndex, monthOfDay, monthsUntil, monthText, parseDay, quarterText, weekdayOf } from './calendar.ts';

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
    assert.equal(isCalendarDate(2024, 2, 29), true);
    assert.deepEqual([[2023, 2, 29], [2024, 4, 31], [2024, 0, 1], [2024, 13, 1], [2024, 1, 0], [2024, Number.NaN, 1], [2024, 1, Number.NaN]].map(([y, m, d]) => isCalendarDate(y ?? 0, m ?? 0, d ?? 0)), [false, false, false, false, false, false, false]);
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

  it('numbers days from 1970-01-01 as Date does, and back, from 1600 to 2400', () => {
    const first = Date.UTC(1600, 0, 1) / MS_PER_DAY;
    const last = Date.UTC(2400, 11, 31) / MS_PER_DAY;
    for (let day = first; day <= last; day += 1) {
      const date = new Date(day * MS_PER_DAY);
      const civil = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      if (dayNumber(civil) !== day) assert.fail(`dayNumber(${JSON.stringify(civil)}) is ${dayNumber(civil)}, not ${day}`);
      if (dayText(day) !== date.toISOString().slice(0, 10)) assert.fail(`dayText(${day}) is ${dayText(day)}`);
    }
    assert.deepEqual(civilDate(0), { year: 1970, month: 1, day: 1 });
    assert.deepEqual(civilDate(-1), { year: 1969, month: 12, day: 31 });
    assert.equal(dayNumber(parseDay('2000-03-01')) - dayNumber(parseDay('2000-02-28')), 2);
    assert.equal(dayText(dayNumber({ year: 50, month: 6, day: 15 })), '0050-06-15');
  });

  it('gives a day\'s month, weekday and the day of a month, clamped', () => {
    assert.equal(monthText(monthOfDay(dayNumber(parseDay('2024-02-29')))), '2024-02');
    // 1970-01-01 was a Thursday, 2024-01-01 a Monday; days before 1970 too.
    assert.deepEqual([0, dayNumber(parseDay('2024-01-01')), dayNumber(parseDay('1969-12-28'))].map(weekdayOf), [3, 0, 6]);
    assert.equal(dayText(dayInMonth(monthIndex('2024-02'), 31)), '2024-02-29');
    assert.equal(dayText(dayInMonth(monthIndex('2023-12'), 15)), '2023-12-15');
  });
});

// The forms of the Evidence and Reports areas: the default periods (renderer/src/features/reports/report-period.ts)
// and an evidence scope typed as text back into evidence.preview's arguments (features/evidence/evidence-scope.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TFunction } from 'i18next';
import { emptyScopeForm, readScope } from '../renderer/src/features/evidence/evidence-scope.ts';
import { isoWeekOf, lastMonth, lastMonthDates, lastWeek, periodKindOf } from '../renderer/src/features/reports/report-period.ts';

/** The key and its values, so that a test can tell which wording was picked. */
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('report periods', () => {
  it('takes the month before today, across a year end', () => {
    assert.equal(lastMonth(day('2026-12-05')), '2026-11');
    assert.equal(lastMonth(day('2027-01-10')), '2026-12');
  });

  it('numbers ISO weeks from the week that holds the first Thursday', () => {
    // 2026-01-01 is a Thursday: its week is 2026-W01, and Monday 2025-12-29 is in it too.
    assert.equal(isoWeekOf(day('2026-01-01')), '2026-W01');
    assert.equal(isoWeekOf(day('2025-12-29')), '2026-W01');
    // 2021-01-03 is a Sunday whose Thursday (2020-12-31) is in 2020, the 53rd week of a year that began on a Wednesday.
    assert.equal(isoWeekOf(day('2021-01-03')), '2020-W53');
    // Saturday 2026-12-05: Thursday 2026-12-03 is day 337 of 2026, so week ceil(337 / 7) = 49.
    assert.equal(isoWeekOf(day('2026-12-05')), '2026-W49');
    assert.equal(lastWeek(day('2026-12-05')), '2026-W48');
  });

  it('tells a week from a month', () => {
    assert.equal(periodKindOf('2026-W48'), 'week');
    assert.equal(periodKindOf('2026-11'), 'month');
  });

  it('gives an evidence pack last month’s first and last day, leap February included', () => {
    assert.deepEqual(lastMonthDates(day('2026-12-05')), { from: '2026-11-01', to: '2026-11-30' });
    assert.deepEqual(lastMonthDates(day('2024-03-01')), { from: '2024-02-01', to: '2024-02-29' });
    assert.deepEqual(lastMonthDates(day('2027-01-31')), { from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('an evidence scope typed in the wizard', () => {
  const period = { from: '2026-11-01', to: '2026-11-30' };

  it('leaves empty id lists out and reads the others as distinct ids in the order typed', () => {
    const read = readScope(t, { ...emptyScopeForm(period), cases: ' 12, 15 12;7 ', runs: '3' });
    assert.deepEqual(read.scope, { ...period, cases: [12, 15, 7], runs: [3] });
  });

  it('names the piece of a list that is not an id, at its field', () => {
    const read = readScope(t, { ...emptyScopeForm(period), models: '4, x9', ruleSetVersions: '0' });
    assert.equal(read.scope, undefined);
    assert.equal(read.problems?.get('models'), 'evidence.scope.badId {"value":"x9"}');
    assert.equal(read.problems?.get('ruleSetVersions'), 'evidence.scope.badId {"value":"0"}');
    assert.equal(read.problems?.has('cases'), false);
  });

  it('refuses a period that ends before it starts, at the end date', () => {
    const read = readScope(t, emptyScopeForm({ from: '2026-11-30', to: '2026-11-01' }));
    assert.equal(read.problems?.get('to'), 'the period ends before it starts');
  });

  it('refuses a missing date at its field', () => {
    const read = readScope(t, emptyScopeForm({ from: '', to: '2026-11-30' }));
    assert.ok(read.problems?.has('from'));
    assert.equal(read.problems?.has('to'), false);
  });
});

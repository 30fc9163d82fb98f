import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRiskDeskError } from '../../../preload/contract/errors.ts';
import { lastCompletePeriod, rangePeriod, resolveReportPeriod } from './report-period.ts';

const refusedAs = (pattern: RegExp) => (error: unknown) => isRiskDeskError(error) && error.code === 'VALIDATION' && pattern.test(error.message);

describe('report periods', () => {
  it('resolves months to their first and last day, February by the leap-year rule', () => {
    assert.deepEqual(resolveReportPeriod('2026-11'), { label: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    assert.equal(resolveReportPeriod('2026-12').to, '2026-12-31');
    assert.equal(resolveReportPeriod('2026-02').to, '2026-02-28');
    assert.equal(resolveReportPeriod('2024-02').to, '2024-02-29');
    // Divisible by 100 but not 400: not a leap year; by 400: a leap year.
    assert.equal(resolveReportPeriod('2100-02').to, '2100-02-28');
    assert.equal(resolveReportPeriod('2000-02').to, '2000-02-29');
  });

  it('resolves ISO weeks Monday to Sunday, week 1 holding the first Thursday', () => {
    // 2026-01-01 is a Thursday, so week 1 starts on the Monday before it, in 2025.
    assert.deepEqual(resolveReportPeriod('2026-W01'), { label: '2026-W01', kind: 'week', from: '2025-12-29', to: '2026-01-04' });
    // 2025-12-29 + 46 weeks (322 days) = 2026-11-16, a Monday.
    assert.deepEqual(resolveReportPeriod('2026-W47'), { label: '2026-W47', kind: 'week', from: '2026-11-16', to: '2026-11-22' });
    // 2021-01-01 is a Friday: its week is 2020's 53rd, and 2021's week 1 starts on 4 January.
    assert.deepEqual(resolveReportPeriod('2020-W53'), { label: '2020-W53', kind: 'week', from: '2020-12-28', to: '2021-01-03' });
    assert.equal(resolveReportPeriod('2021-W01').from, '2021-01-04');
  });

  it('refuses a week 53 in a year of 52 weeks, and anything that is not a period', () => {
    assert.throws(() => resolveReportPeriod('2021-W53'), refusedAs(/2021-W53.*52 ISO weeks/));
    // 2025 starts on a Wednesday and is no leap year: 52 weeks. 2026 starts on a Thursday: 53.
    assert.throws(() => resolveReportPeriod('2025-W53'), refusedAs(/2025-W53/));
    assert.deepEqual(resolveReportPeriod('2026-W53'), { label: '2026-W53', kind: 'week', from: '2026-12-28', to: '2027-01-03' });
    for (const label of ['2026-13', '2026-W00', '2026-W54', '2026-1', 'November']) assert.throws(() => resolveReportPeriod(label), refusedAs(/month \(2026-11\) or an ISO week/));
  });

  it('names a range by its dates and refuses one that ends before it starts', () => {
    assert.deepEqual(rangePeriod('2026-10-15', '2026-11-14'), { label: '2026-10-15 – 2026-11-14', kind: 'range', from: '2026-10-15', to: '2026-11-14' });
    assert.throws(() => rangePeriod('2026-11-02', '2026-11-01'), refusedAs(/after it ends/));
    assert.throws(() => rangePeriod('2026-02-30', '2026-03-01'), refusedAs(/from date must be a date written YYYY-MM-DD, not "2026-02-30"/));
    assert.throws(() => rangePeriod('2026-02-01', '1/3/2026'), refusedAs(/to date/));
  });

  it('gives the latest complete month before today', () => {
    assert.equal(lastCompletePeriod('monthly', new Date('2026-12-01T00:30:00Z')), '2026-11');
    assert.equal(lastCompletePeriod('monthly', new Date('2026-11-30T23:59:59Z')), '2026-10');
    assert.equal(lastCompletePeriod('monthly', new Date('2026-01-15T12:00:00Z')), '2025-12');
  });

  it('gives the latest complete ISO week before today, in the ISO year of its Thursday', () => {
    // 2026-11-23 is a Monday: the week that ended the day before is W47.
    assert.equal(lastCompletePeriod('weekly', new Date('2026-11-23T08:00:00Z')), '2026-W47');
    // On Sunday 2026-11-22 week 47 is not over yet.
    assert.equal(lastCompletePeriod('weekly', new Date('2026-11-22T23:00:00Z')), '2026-W46');
    assert.equal(lastCompletePeriod('weekly', new Date('2026-01-05T00:00:00Z')), '2026-W01');
    assert.equal(lastCompletePeriod('weekly', new Date('2021-01-06T00:00:00Z')), '2020-W53');
    // Whatever it names resolves to a week that ended before today.
    const today = new Date('2027-03-10T10:00:00Z');
    assert.ok(resolveReportPeriod(lastCompletePeriod('weekly', today)).to < '2027-03-10');
  });
});

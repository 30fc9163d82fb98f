import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatMonth } from '../renderer/src/format/dates.ts';

// Days and months as each language writes them, from the ISO text the data carries.

describe('formatDate', () => {
  it('writes a day in the language in use', () => {
    assert.equal(formatDate('2026-12-05', 'en'), 'Dec 5, 2026');
    assert.equal(formatDate('2026-12-05', 'zh-CN'), '2026年12月5日');
  });

  it('keeps the civil day: the first of a month never slips to the last of the one before, whatever the zone', () => {
    assert.equal(formatDate('2026-01-01', 'en'), 'Jan 1, 2026');
    // A timestamp's date part, as written (a UTC midnight is not shifted to the local evening before).
    assert.equal(formatDate('2026-03-01T00:00:00.000Z', 'en'), 'Mar 1, 2026');
  });

  it('leaves missing values empty and text that is no date as it is', () => {
    assert.equal(formatDate(null, 'en'), '');
    assert.equal(formatDate('', 'en'), '');
    assert.equal(formatDate('soon', 'en'), 'soon');
  });
});

describe('formatMonth', () => {
  it('writes a month in the language in use', () => {
    assert.equal(formatMonth('2026-12', 'en'), 'Dec 2026');
    assert.equal(formatMonth('2026-12', 'zh-CN'), '2026年12月');
    assert.equal(formatMonth('2026-12-05', 'en'), '2026-12-05');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusClass } from './loan-status.ts';

describe('statusClass', () => {
  it('recognises the spellings of default, write-off and pay-off whatever their case, spaces or hyphens', () => {
    assert.deepEqual(
      ['default', 'Defaulted', ' written off ', 'Charged-Off', 'writeoff', 'paid_off', 'Paid Off', 'repaid'].map(statusClass),
      ['defaulted', 'defaulted', 'written_off', 'written_off', 'written_off', 'paid_off', 'paid_off', 'paid_off'],
    );
  });

  it('gives null for open statuses and for none', () => {
    assert.deepEqual(['current', 'delinquent', 'restructured', null].map(statusClass), [null, null, null, null]);
  });
});

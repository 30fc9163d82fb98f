import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DELINQUENCY_BUCKETS, PERFORMING_DPD_BUCKETS } from '../../../../preload/contract/vocabulary.ts';
import { bucketOfDays, dpdBucket } from './dpd-bucket.ts';

describe('dpdBucket', () => {
  it('buckets days past due at the edges', () => {
    const days = [0, 1, 29, 30, 59, 60, 89, 90, 179, 180, 400];
    assert.deepEqual(
      days.map((dpd) => dpdBucket(dpd, 'current')),
      ['current', '1-29', '1-29', '30-59', '30-59', '60-89', '60-89', '90-179', '90-179', '180+', '180+'],
    );
    assert.equal(dpdBucket(-3, null), 'current');
    assert.equal(dpdBucket(Number.NaN, null), 'current');
  });

  it('puts a defaulted loan in 90-179 at least and a written-off one in 180+, whatever its DPD', () => {
    assert.equal(dpdBucket(0, 'default'), '90-179');
    assert.equal(dpdBucket(45, 'Defaulted'), '90-179');
    assert.equal(dpdBucket(200, 'default'), '180+');
    assert.equal(dpdBucket(0, 'written_off'), '180+');
    assert.equal(dpdBucket(10, 'Charged-Off'), '180+');
  });

  it('drops paid-off loans (null) and ignores statuses it does not know', () => {
    assert.equal(dpdBucket(0, 'paid_off'), null);
    assert.equal(dpdBucket(0, 'Paid off'), null);
    assert.equal(dpdBucket(35, 'delinquent'), '30-59');
  });

  it('buckets by any of the contract\'s lists: the dashboard\'s 90+ tail, the overlay\'s performing buckets', () => {
    const days = [Number.NaN, -1, 0, 1, 29, 30, 59, 60, 89, 90, 179, 180, 400];
    assert.deepEqual(
      days.map((dpd) => bucketOfDays(dpd, DELINQUENCY_BUCKETS)),
      ['current', 'current', 'current', '1-29', '1-29', '30-59', '30-59', '60-89', '60-89', '90+', '90+', '90+', '90+'],
    );
    assert.deepEqual(
      days.map((dpd) => bucketOfDays(dpd, PERFORMING_DPD_BUCKETS)),
      ['current', 'current', 'current', '1-29', '1-29', '30-59', '30-59', '60-89', '60-89', '60-89', '60-89', '60-89', '60-89'],
    );
  });
});

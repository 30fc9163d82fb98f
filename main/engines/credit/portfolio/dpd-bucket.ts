import { DPD_BUCKET_FIRST_DAY, DPD_BUCKETS, type DpdBucket } from '../../../../preload/contract/vocabulary.ts';
import { statusClass } from './loan-status.ts';

/**
 * The bucket of `buckets` (a list of the contract's, in order) that `dpd` days past due fall in: the last one whose
 * first day the count reaches. NaN and negative counts reach none after the first, so they count as the first
 * (current), like a missing DPD.
 */
export function bucketOfDays<Bucket extends keyof typeof DPD_BUCKET_FIRST_DAY>(dpd: number, buckets: readonly [Bucket, ...Bucket[]]): Bucket {
  for (let i = buckets.length - 1; i > 0; i -= 1) {
    const bucket = buckets[i] as Bucket;
    if (dpd >= DPD_BUCKET_FIRST_DAY[bucket]) return bucket;
  }
  return buckets[0];
}

/**
 * The DPD bucket of a loan-month (null: paid off, no longer in the book). A defaulted loan sits at least in
 * 90-179 and a written-off one in 180+ whatever DPD the source reported, so that roll rates show them as lost.
 */
export function dpdBucket(dpd: number, status: string | null): DpdBucket | null {
  const statusKind = statusClass(status);
  if (statusKind === 'paid_off') return null;
  if (statusKind === 'written_off') return '180+';
  const bucket = bucketOfDays(dpd, DPD_BUCKETS);
  if (statusKind === 'defaulted' && bucket !== '180+') return '90-179';
  return bucket;
}

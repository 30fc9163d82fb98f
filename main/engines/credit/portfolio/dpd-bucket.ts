import type { DpdBucket } from '../../../../preload/contract/credit.ts';
import { statusClass } from './loan-status.ts';

function bucketOfDays(dpd: number): DpdBucket {
  // NaN and negative counts fail every comparison below 1 → current, like a missing DPD.
  if (!(dpd >= 1)) return 'current';
  if (dpd < 30) return '1-29';
  if (dpd < 60) return '30-59';
  if (dpd < 90) return '60-89';
  if (dpd < 180) return '90-179';
  return '180+';
}

/**
 * The DPD bucket of a loan-month (null: paid off, no longer in the book). A defaulted loan sits at least in
 * 90-179 and a written-off one in 180+ whatever DPD the source reported, so that roll rates show them as lost.
 */
export function dpdBucket(dpd: number, status: string | null): DpdBucket | null {
  const statusKind = statusClass(status);
  if (statusKind === 'paid_off') return null;
  if (statusKind === 'written_off') return '180+';
  const bucket = bucketOfDays(dpd);
  if (statusKind === 'defaulted' && bucket !== '180+') return '90-179';
  return bucket;
}

// Weight of evidence and information value per DOMAIN.md (Credit): WOE = ln(share of non-events / share of
// events), positive = better than average; IV = Σ (share non-events − share events) × WOE.

/** What the output states about bins that hold only one class. */
export const WOE_ADJUSTMENT =
  'A bin with no events or no non-events gets 0.5 added to both its counts before its WOE and IV term are computed (numeric intervals are merged instead, so only missing, special and categorical bins can need it).';

export interface BinCounts {
  readonly count: number;
  readonly events: number;
}

export interface WoeResult {
  readonly woe: Float64Array;
  readonly iv: number;
}

export type IvBand = 'useless' | 'weak' | 'medium' | 'strong' | 'suspicious';

/** Bands of DOMAIN.md: < 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, 0.3–0.5 strong, > 0.5 suspiciously strong. */
export function ivBand(iv: number): IvBand {
  if (iv < 0.02) return 'useless';
  if (iv < 0.1) return 'weak';
  if (iv < 0.3) return 'medium';
  if (iv <= 0.5) return 'strong';
  return 'suspicious';
}

/** WOE of each bin and the feature's IV, given the totals of the whole sample (all bins of the feature). */
export function weightOfEvidence(bins: readonly BinCounts[], totalEvents: number, totalNonEvents: number): WoeResult {
  const woe = new Float64Array(bins.length);
  let iv = 0;
  bins.forEach((bin, i) => {
    if (bin.count === 0 || totalEvents === 0 || totalNonEvents === 0) return;
    let events = bin.events;
    let nonEvents = bin.count - bin.events;
    if (events === 0 || nonEvents === 0) {
      events += 0.5;
      nonEvents += 0.5;
    }
    const shareNonEvents = nonEvents / totalNonEvents;
    const shareEvents = events / totalEvents;
    const w = Math.log(shareNonEvents / shareEvents);
    woe[i] = w;
    iv += (shareNonEvents - shareEvents) * w;
  });
  return { woe, iv };
}

// The ROC and KS curves behind the AUC and KS figures, for charts: every distinct score is a threshold, and
// the curves are thinned to a few hundred points (a chart cannot show more, and they cross the IPC boundary).

export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

/** Keeps the first, the last and evenly spaced points in between. */
function thin(points: CurvePoint[], maxPoints: number): CurvePoint[] {
  if (points.length <= maxPoints) return points;
  const step = (points.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, k) => points[Math.round(k * step)] as CurvePoint);
}

/** Rows ordered by descending risk (PD), ties kept together so that a threshold never splits them. */
function thresholdGroups(risk: Float64Array, events: Uint8Array): { events: number; nonEvents: number; value: number }[] {
  const order = Array.from(risk.keys()).sort((a, b) => (risk[b] ?? 0) - (risk[a] ?? 0));
  const groups: { events: number; nonEvents: number; value: number }[] = [];
  for (const i of order) {
    const value = risk[i] ?? 0;
    const last = groups.at(-1);
    const group = last && last.value === value ? last : { events: 0, nonEvents: 0, value };
    if (group !== last) groups.push(group);
    if (events[i]) group.events++;
    else group.nonEvents++;
  }
  return groups;
}

/** ROC: x = false-positive rate, y = true-positive rate, flagging rows from the highest PD down. */
export function rocCurve(pd: Float64Array, events: Uint8Array, maxPoints = 200): CurvePoint[] {
  const groups = thresholdGroups(pd, events);
  const totalEvents = groups.reduce((s, g) => s + g.events, 0);
  const totalNonEvents = groups.reduce((s, g) => s + g.nonEvents, 0);
  if (totalEvents === 0 || totalNonEvents === 0) return [];
  const points: CurvePoint[] = [{ x: 0, y: 0 }];
  let tp = 0;
  let fp = 0;
  for (const group of groups) {
    tp += group.events;
    fp += group.nonEvents;
    points.push({ x: fp / totalNonEvents, y: tp / totalEvents });
  }
  return thin(points, maxPoints);
}

/**
 * KS: the cumulative shares of events and of non-events at or below each score (low scores are risky, so the
 * events' curve rises first); the KS statistic is the largest vertical gap between the two.
 */
export function ksCurves(scores: Float64Array, events: Uint8Array, maxPoints = 200): { events: CurvePoint[]; nonEvents: CurvePoint[] } {
  const negated = scores.map((s) => -s);
  const groups = thresholdGroups(negated, events);
  const totalEvents = groups.reduce((s, g) => s + g.events, 0);
  const totalNonEvents = groups.reduce((s, g) => s + g.nonEvents, 0);
  if (totalEvents === 0 || totalNonEvents === 0) return { events: [], nonEvents: [] };
  const eventPoints: CurvePoint[] = [];
  const nonEventPoints: CurvePoint[] = [];
  let e = 0;
  let n = 0;
  for (const group of groups) {
    e += group.events;
    n += group.nonEvents;
    eventPoints.push({ x: -group.value, y: e / totalEvents });
    nonEventPoints.push({ x: -group.value, y: n / totalNonEvents });
  }
  return { events: thin(eventPoints, maxPoints), nonEvents: thin(nonEventPoints, maxPoints) };
}

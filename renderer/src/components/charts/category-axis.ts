/**
 * Width for a category axis of horizontal bars, from its longest label: Recharts does not size it, and a fixed width
 * either cuts long feature names (months_registered_before_origination) or wastes room on short ones.
 */
export function categoryAxisWidth(labels: readonly string[], max = 220): number {
  const longest = labels.reduce((length, label) => Math.max(length, label.length), 0);
  return Math.min(max, Math.max(48, Math.round(longest * 6.2) + 12));
}

/** Han and full-width characters (Chinese names, （）、：) take about a full em at the axes' 11 px; others about 6.2 px. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += WIDE.test(char) ? 11 : 6.2;
  return width;
}

/**
 * Width for a category axis of horizontal bars, from its widest label: Recharts does not size it, and a fixed width
 * either cuts long feature names (months_registered_before_origination) or wastes room on short ones.
 */
export function categoryAxisWidth(labels: readonly string[], max = 220): number {
  const widest = labels.reduce((width, label) => Math.max(width, labelWidth(label)), 0);
  return Math.min(max, Math.max(48, Math.round(widest) + 12));
}

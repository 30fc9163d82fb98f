/** Moves item `from` by `by` places (−1 up, +1 down), or leaves the list as it is at either end. */
export function moved<T>(items: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  const next = [...items];
  if (to < 0 || to >= items.length) return next;
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * Recharts 3 sorts legend items alphabetically by default, so two models or series can come out in the reverse of
 * the order the screen lists them. This sorter keeps the order of `series`, each named by its dataKey or, where
 * several lines share one dataKey (curves with data of their own), by its name; an item matching none goes last.
 * Pass it as `<Legend itemSorter={…} />`.
 */
export function inSeriesOrder(series: readonly string[]): (item: { dataKey?: unknown; value?: unknown }) => number {
  return (item) => {
    const byKey = series.indexOf(String(item.dataKey));
    const index = byKey === -1 ? series.indexOf(String(item.value)) : byKey;
    return index === -1 ? series.length : index;
  };
}

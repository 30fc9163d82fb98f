// Scorecard development time on 300,000 rows × 16 features (issue 4, part 5): credit_data.csv's 13 features
// resampled with replacement, plus 3 generated numeric features that carry a little signal. Prints figures;
// asserts nothing. Run: ./node_modules/.bin/node --import tsx bench/credit-fit.ts
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { fileURLToPath } from 'node:url';
import { performance as clock } from 'node:perf_hooks';
import { resourceUsage } from 'node:process';
import { developScorecard, fitLogistic, type FeatureColumn } from '../main/engines/credit/index.ts';
import { featureColumn, readCsvTable } from '../main/services/credit/csv-columns.ts';

const ROWS = 300_000;
const rng = xoroshiro128plus(2026);

const table = await readCsvTable(fileURLToPath(new URL('../tests/fixtures/credit/credit_data.csv', import.meta.url)));
const target = table.header.indexOf('Status');
const pick = Uint32Array.from({ length: ROWS }, () => uniformInt(rng, 0, table.rows - 1));
const events = Uint8Array.from(pick, (i) => (table.cells[target]?.[i] === 'bad' ? 1 : 0));
const columns: FeatureColumn[] = table.header.flatMap((name, c) => {
  if (c === target) return [];
  const column = featureColumn(name, Array.from(pick, (i) => table.cells[c]?.[i] ?? null));
  return column ? [column] : [];
});
for (let k = 1; columns.length < 16; k++) {
  const values = Float64Array.from(events, (event) => Math.round((uniformFloat64(rng) * 100 + event * 8 * k) * 100) / 100);
  columns.push({ name: `synthetic_${k}`, type: 'numeric', values });
}

const started = clock.now();
const dev = developScorecard(columns, events, { holdout: { fraction: 0.3, seed: 1 } });
const developSeconds = (clock.now() - started) / 1000;

const trainRows = dev.holdout.reduce((s, h) => s + (h === 0 ? 1 : 0), 0);
const woeTrain = (dev.scored?.woe ?? []).map((column) => column.filter((_, i) => dev.holdout[i] === 0));
const trainEvents = events.filter((_, i) => dev.holdout[i] === 0);
const fitStarted = clock.now();
const fit = fitLogistic(woeTrain, trainEvents);
const fitSeconds = (clock.now() - fitStarted) / 1000;

console.log(`credit fit: ${ROWS.toLocaleString('en-US')} rows × ${columns.length} features (${trainRows.toLocaleString('en-US')} train, 30 % holdout)`);
console.log(`  whole development (split, bin, WOE/IV, select, Newton fit, score all rows, metrics, PSI/CSI): ${developSeconds.toFixed(2)} s`);
console.log(`  of which the Newton fit alone, ${woeTrain.length} WOE features: ${fitSeconds.toFixed(2)} s, ${fit.iterations} iterations (${fit.status})`);
console.log(`  model: ${dev.model.coefficients.length} features, train AUC ${dev.metrics?.train.auc.toFixed(4)}, holdout AUC ${dev.metrics?.holdout?.auc.toFixed(4)}`);
console.log(`  peak RSS ${(resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

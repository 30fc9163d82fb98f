import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { binningSchema, storedScorecardSchema } from '../../../../preload/contract/credit.ts';
import type { FeatureColumn } from './binning.ts';
import { developScorecard, scoreRows, type Scorecard } from './fit.ts';
import { fromStoredBinning, fromStoredScorecard, toStoredBinning, toStoredScorecard } from './stored.ts';

/**
 * Seeded synthetic applications whose default odds depend on income, age and region, with missing incomes,
 * a special income value (−1: "refused to say"), missing regions and a rare region, so that the scorecard has
 * every kind of bin: intervals, special, missing, levels and other.
 */
function applications(seed: number, rows: number): { columns: FeatureColumn[]; events: Uint8Array } {
  const rng = xoroshiro128plus(seed);
  const income = new Float64Array(rows);
  const age = new Float64Array(rows);
  const region: (string | null)[] = [];
  const events = new Uint8Array(rows);
  const regionRisk: Record<string, number> = { north: -0.5, south: 0, east: 0.4, west: 0.8, island: 1 };
  for (let i = 0; i < rows; i++) {
    const draw = uniformFloat64(rng);
    income[i] = draw < 0.05 ? Number.NaN : draw < 0.1 ? -1 : uniformInt(rng, 1_000, 30_000);
    age[i] = uniformInt(rng, 18, 75);
    const r = uniformFloat64(rng);
    region[i] = r < 0.03 ? null : r < 0.04 ? 'island' : (['north', 'south', 'east', 'west'][uniformInt(rng, 0, 3)] ?? null);
    const incomeEffect = Number.isNaN(income[i] ?? 0) ? 0.5 : income[i] === -1 ? 1 : -((income[i] ?? 0) - 15_000) / 8_000;
    const eta = -1.5 + incomeEffect - ((age[i] ?? 0) - 45) / 25 + (regionRisk[region[i] ?? ''] ?? 0.3);
    events[i] = uniformFloat64(rng) < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return {
    columns: [
      { name: 'income', type: 'numeric', values: income },
      { name: 'age', type: 'numeric', values: age },
      { name: 'region', type: 'categorical', values: region },
    ],
    events,
  };
}

function developed(): { card: Scorecard; columns: FeatureColumn[] } {
  const { columns, events } = applications(7, 3_000);
  const development = developScorecard(columns, events, { specialValues: [-1] });
  assert.equal(development.model.status, 'converged', development.model.message ?? '');
  assert.ok(development.scorecard);
  return { card: development.scorecard, columns };
}

/** New data the development never saw: values beyond the bins, an unseen region, missing values. */
const newApplications: FeatureColumn[] = [
  { name: 'income', type: 'numeric', values: Float64Array.from([0, 1e9, -1, Number.NaN, 15_000]) },
  { name: 'age', type: 'numeric', values: Float64Array.from([16, 99, 40, 40, Number.NaN]) },
  { name: 'region', type: 'categorical', values: ['atlantis', 'north', null, 'island', 'west'] },
];

describe('stored scorecards', () => {
  const { card, columns } = developed();

  it('stores open interval ends as null and reads them back as ±Infinity', () => {
    const income = card.binnings.find((b) => b.name === 'income');
    assert.ok(income, 'income is in the model');
    const stored = toStoredBinning(income);
    binningSchema.parse(stored);
    const intervals = stored.bins.flatMap((bin) => (bin.rule.kind === 'interval' ? [bin.rule] : []));
    assert.ok(intervals.length >= 2, 'income has several intervals');
    assert.equal(intervals[0]?.lower, null);
    assert.equal(intervals[intervals.length - 1]?.upper, null);
    assert.ok(intervals.slice(1).every((rule) => rule.lower !== null && Number.isFinite(rule.lower)));
    assert.deepEqual(
      stored.bins.map((bin) => bin.rule.kind),
      [...intervals.map(() => 'interval'), 'special', 'missing'],
    );
    assert.deepEqual(fromStoredBinning(JSON.parse(JSON.stringify(stored))), income);
    const region = card.binnings.find((b) => b.name === 'region');
    assert.ok(region, 'region is in the model');
    assert.ok(region.bins.some((bin) => bin.rule.kind === 'other'), 'the rare region has an (other) bin');
    assert.deepEqual(fromStoredBinning(binningSchema.parse(JSON.parse(JSON.stringify(toStoredBinning(region))))), region);
  });

  it('re-scores identical PDs and scores after a trip through JSON', () => {
    const stored = storedScorecardSchema.parse(JSON.parse(JSON.stringify(toStoredScorecard(card))));
    const restored = fromStoredScorecard(stored);
    assert.deepEqual(restored, card);
    for (const data of [columns, newApplications]) {
      const before = scoreRows(card, data);
      const after = scoreRows(restored, data);
      assert.deepEqual(after.pd, before.pd);
      assert.deepEqual(after.score, before.score);
    }
  });

  it('scores every row the same whatever the row order (property, seeded permutations)', () => {
    const base = scoreRows(card, columns);
    const rng = xoroshiro128plus(21);
    const rows = base.pd.length;
    for (let trial = 0; trial < 5; trial++) {
      const order = Uint32Array.from({ length: rows }, (_, i) => i);
      for (let i = rows - 1; i > 0; i--) {
        const j = uniformInt(rng, 0, i);
        [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
      }
      const permuted = columns.map((column): FeatureColumn =>
        column.type === 'numeric'
          ? { ...column, values: Float64Array.from(order, (i) => column.values[i] ?? Number.NaN) }
          : { ...column, values: Array.from(order, (i) => column.values[i] ?? null) },
      );
      const scored = scoreRows(card, permuted);
      order.forEach((original, k) => {
        assert.equal(scored.pd[k], base.pd[original], `trial ${trial}, row ${original}`);
        assert.equal(scored.score[k], base.score[original], `trial ${trial}, row ${original}`);
      });
    }
  });
});

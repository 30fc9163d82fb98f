// The liquidity parameter draft (renderer/src/features/liquidity/parameters/liquidity-draft.ts): typed text back into
// parameters, checked with the contract's schema, each problem keyed by the field that shows it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TFunction } from 'i18next';
import { LCR_CATEGORIES, NSFR_ASF_CATEGORIES, NSFR_RSF_CATEGORIES, type LiquidityParameters } from '../preload/contract/liquidity.ts';
import { draftField, readLiquidityDraft, toLiquidityDraft } from '../renderer/src/features/liquidity/parameters/liquidity-draft.ts';

/** The key and its values, so that a test can tell which wording was picked. */
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

const factors = <K extends string>(keys: readonly K[], value: number) => Object.fromEntries(keys.map((key) => [key, value])) as Record<K, number>;
const scenario = { name: 'idiosyncratic_run', description: 'A run', horizonDays: 90, redemptionMultiplier: 2, subscriptionFactor: 0.5, wholesaleRollover: 0, extraHaircut: { l1: 0, l2a: 0.1, l2b: 0.2 }, inflowDelayDays: 5, inflowFactor: 0.8, drawdownFactor: 1 };
const parameters: LiquidityParameters = {
  lcr: { factors: { ...factors(LCR_CATEGORIES, 1), retail_less_stable: 0.1 } },
  nsfr: { asf: factors(NSFR_ASF_CATEGORIES, 0.9), rsf: factors(NSFR_RSF_CATEGORIES, 0.5) },
  products: [
    { product: 'mmf_t0', noticeDays: 0, termDays: null },
    { product: 'term_90', noticeDays: 7, termDays: 90 },
  ],
  scenarios: [scenario],
  monteCarlo: { paths: 10_000, days: 90, blockDays: 5, outflowMultiplier: 1, subscriptionFactor: 1, historyDays: 365 },
  indicators: {
    netOutflowZ: { threshold: 3, severity: 'high', historyDays: 90 },
    top10Share: { threshold: 0.3, severity: 'medium' },
    lcrFloor: { threshold: 1.1, severity: 'high' },
    survivalDays: { threshold: 30, severity: 'critical', scenario: 'idiosyncratic_run' },
    productConcentration: { threshold: 0.5, severity: 'medium' },
  },
};

describe('liquidity parameter draft', () => {
  it('reads an unedited draft back into the very parameters it came from, with the note', () => {
    const read = readLiquidityDraft(t, { ...toLiquidityDraft(parameters), note: '  Same again  ' });
    assert.deepEqual(read, { ok: true, parameters, note: 'Same again' });
  });

  it('keys each problem by the field that shows it: a factor, a scenario’s haircut cell, an empty term, the note', () => {
    const draft = toLiquidityDraft(parameters);
    const [first] = draft.scenarios;
    const [onDemand, term] = draft.products;
    assert.ok(first && onDemand && term);
    const read = readLiquidityDraft(t, {
      ...draft,
      lcr: { ...draft.lcr, retail_less_stable: '1.5' },
      scenarios: [{ ...first, haircutL2a: '', horizonDays: '2.5' }],
      // An empty term is "no term" (null), which the schema accepts; a notice that is not a number is not.
      products: [{ ...onDemand, termDays: '' }, { ...term, noticeDays: 'seven' }],
    });
    assert.equal(read.ok, false);
    assert.deepEqual(!read.ok && Object.fromEntries(read.problems), {
      'lcr.factors.retail_less_stable': 'fieldProblems.max {"max":"1"}',
      'scenarios.0.horizonDays': 'fieldProblems.integer',
      'scenarios.0.haircutL2a': 'fieldProblems.number',
      'products.1.noticeDays': 'fieldProblems.number',
      note: 'fieldProblems.required',
    });
  });

  it('names a survival scenario that no longer exists at its own field, in the schema’s words', () => {
    const draft = toLiquidityDraft(parameters);
    const [first] = draft.scenarios;
    assert.ok(first);
    const read = readLiquidityDraft(t, { ...draft, scenarios: [{ ...first, name: 'market_wide' }], note: 'Renamed' });
    assert.deepEqual(!read.ok && Object.fromEntries(read.problems), { 'indicators.survivalDays.scenario': 'the survival indicator must name one of the scenarios' });
  });

  it('maps a scenario’s extra haircut path (main’s refusal) to its cell, and leaves every other path alone', () => {
    assert.equal(draftField('scenarios.3.extraHaircut.l1'), 'scenarios.3.haircutL1');
    assert.equal(draftField('scenarios.0.extraHaircut.l2b'), 'scenarios.0.haircutL2b');
    assert.equal(draftField('lcr.factors.hqla_l2a'), 'lcr.factors.hqla_l2a');
  });
});

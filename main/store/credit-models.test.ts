import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { developmentReportSchema, modelDetailSchema, modelSummarySchema, type DevelopmentReport, type StoredScorecard } from '../../preload/contract/credit.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { activeModel, getModel, insertDraftModel, listModels, modelLifecycle } from './credit-models.ts';
import { draftLifecycleFields } from '../test-support/lifecycle-expectations.ts';

const SCORECARD: StoredScorecard = {
  features: ['annual_income', 'product'],
  binnings: [
    {
      name: 'annual_income',
      type: 'numeric',
      bins: [
        { label: '(-inf, 50000]', rule: { kind: 'interval', lower: null, upper: 50_000 } },
        { label: '(50000, +inf)', rule: { kind: 'interval', lower: 50_000, upper: null } },
      ],
      specialValues: [],
    },
    { name: 'product', type: 'categorical', bins: [{ label: 'card', rule: { kind: 'levels', levels: ['card'] } }, { label: '(other)', rule: { kind: 'other', levels: [] } }], specialValues: [] },
  ],
  woe: [
    [-0.4, 0.3],
    [-0.2, 0.1],
  ],
  intercept: -2.2,
  coefficients: [-0.9, -1.1],
  scaling: { pdo: 20, base_score: 600, base_odds: 50 },
};

const TRAIN = { auc: 0.71, gini: 0.42, ks: 0.31, brier: 0.081, rows: 700 };
const REPORT: DevelopmentReport = developmentReportSchema.parse({
  rows: 1_000,
  events: 90,
  trainingHash: 'f'.repeat(64),
  sample: '1,000 seasoned loans.',
  features: [],
  model: { status: 'converged', message: null, intercept: -2.2, coefficients: [{ feature: 'annual_income', coef: -0.9, se: 0.1, pValue: 0.001 }], iterations: 6 },
  scaling: SCORECARD.scaling,
  metrics: { train: TRAIN, holdout: null },
  curves: null,
  bands: null,
  stability: null,
  scorecard: SCORECARD,
});

describe('credit models', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-models-');
  });
  afterEach(() => temp.dispose());

  function draft(name: string, at: string) {
    return insertDraftModel(temp.db, { name, scorecard: SCORECARD, report: REPORT, trainingHash: REPORT.trainingHash, rows: REPORT.rows, createdBy: 'alice', at });
  }

  it('saves a draft and summarises it without its report: features from the scorecard, metrics from the report', () => {
    const summary = draft('Retail v1', '2025-01-01T00:00:00.000Z');
    assert.deepEqual(summary, {
      modelId: 1,
      name: 'Retail v1',
      ...draftLifecycleFields('alice', '2025-01-01T00:00:00.000Z'),
      trainingHash: 'f'.repeat(64),
      rows: 1_000,
      features: ['annual_income', 'product'],
      metrics: { train: TRAIN, holdout: null },
    });
    modelSummarySchema.parse(summary);
  });

  it('lists newest first and returns the full report of one model as it was saved', () => {
    draft('first', 't1');
    draft('second', 't2');
    assert.deepEqual(listModels(temp.db).map((m) => [m.modelId, m.name]), [[2, 'second'], [1, 'first']]);
    const detail = getModel(temp.db, 1);
    assert.deepEqual(detail?.report, REPORT);
    modelDetailSchema.parse(detail);
    assert.equal(getModel(temp.db, 99), undefined);
  });

  it('has no active model until one is submitted, approved by a second person and activated; then hands out its scorecard', () => {
    const { modelId } = draft('first', 't1');
    assert.equal(activeModel(temp.db), null);
    assert.equal(modelLifecycle.submit(temp.db, modelId, { actor: 'alice', at: 't2' }).submittedBy, 'alice');
    assert.equal(modelLifecycle.approve(temp.db, modelId, { actor: 'bob', at: 't2', words: 'Checked it' }).approvedBy, 'bob');
    assert.equal(activeModel(temp.db), null);
    const active = modelLifecycle.activate(temp.db, modelId, { actor: 'bob', at: 't3', words: 'Checked it' });
    assert.deepEqual([active.status, active.activatedBy, active.activatedAt], ['active', 'bob', 't3']);
    assert.deepEqual(activeModel(temp.db), { modelId, name: 'first', scorecard: SCORECARD });
  });
});

// The backtest tally on four hand-built transactions whose decisions are given (not computed), so every count below is
// worked out by hand from the table in the first test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BacktestTally } from './backtest.ts';
import type { RuleSet, RuleSetDecision } from './rules.ts';

const RULES: RuleSet = {
  rules: [
    { id: 'r1', expression: 'amount > 0', score: 2, action: 'review', description: 'r1', enabled: true },
    { id: 'r2', expression: 'amount > 0', score: 1, action: 'review', description: 'r2', enabled: true },
    { id: 'off', expression: 'amount > 0', score: 9, action: 'block', description: 'disabled: not tallied', enabled: false },
  ],
  thresholds: { review: 2, block: 3 },
};

function decision(score: number, action: RuleSetDecision['action'], ...ids: string[]): RuleSetDecision {
  return { score, action, fired: ids.map((id) => ({ id, score: id === 'r1' ? 2 : 1, action: 'review', reads: {} })), errors: [] };
}

const ALLOW = decision(0, 'allow');
const tx = (n: number, day: string, amountMinor: number, currency = 'CNY') => ({ txId: `T${n}`, accountId: `A${n}`, ts: `${day}T10:00:00.000Z`, amountMinor, currency });

describe('a backtest tally', () => {
  //        candidate              baseline         truth
  // T1     r1+r2 = 3 block        allow            fraud (label)
  // T2     r1 = 2 review          r9 = 2 review    unknown (genuine)
  // T3     r2 = 1 allow           r9 = 5 block     fraud (case)
  // T4     allow                  allow            legit
  // T5     r1 = 2 review (USD)    allow            unknown
  const tally = new BacktestTally({ version: 7, candidate: RULES, baselineVersion: 6, from: '2024-03-01', to: null, currency: 'CNY' });
  tally.add(tx(1, '2024-03-01', 1_000), 'fraud', false, decision(3, 'block', 'r1', 'r2'), ALLOW);
  tally.add(tx(2, '2024-03-01', 2_000), null, false, decision(2, 'review', 'r1'), decision(2, 'review', 'r9'));
  tally.add(tx(3, '2024-03-02', 3_000), 'fraud', true, decision(1, 'allow', 'r2'), decision(5, 'block', 'r9'));
  tally.add(tx(4, '2024-03-02', 4_000), 'legit', false, ALLOW, ALLOW);
  tally.add(tx(5, '2024-03-03', 5_000, 'USD'), null, false, decision(2, 'review', 'r1'), ALLOW);
  const result = tally.result();

  it('counts the labels and each version’s flags, money (in its currency only), precision and recall', () => {
    assert.equal(result.transactions, 5);
    assert.deepEqual(result.labels, { fraud: 2, legit: 1, fromCases: 1 });
    assert.deepEqual(result.candidate, { flagged: 3, review: 2, block: 1, flaggedMinor: 3_000, truePositives: 1, precision: 1 / 3, recall: 0.5 });
    assert.deepEqual(result.baseline, { flagged: 2, review: 1, block: 1, flaggedMinor: 5_000, truePositives: 1, precision: 0.5, recall: 0.5 });
  });

  it('gives each enabled rule its hits, overlaps and marginal contribution', () => {
    // r1 flags T1 (3 − 2 = 1 < 2: its doing), T2 (0 < 2) and T5 (0 < 2). r2 fires on T1 (3 − 1 = 2: flagged anyway)
    // and T3 (not flagged).
    assert.deepEqual(result.rules, [
      { id: 'r1', hits: 3, fraudHits: 1, hitMinor: 3_000, precision: 1 / 3, marginal: { flagged: 3, fraud: 1 } },
      { id: 'r2', hits: 2, fraudHits: 2, hitMinor: 4_000, precision: 1, marginal: { flagged: 0, fraud: 0 } },
    ]);
    assert.deepEqual(result.overlaps, { ids: ['r1', 'r2'], counts: [[3, 1], [1, 2]] });
  });

  it('says per day what each version flags, and what the candidate gains and loses with examples', () => {
    assert.deepEqual(result.perDay, [
      { day: '2024-03-01', review: 1, block: 1, baseline: 1 },
      { day: '2024-03-02', review: 0, block: 0, baseline: 1 },
      { day: '2024-03-03', review: 1, block: 0, baseline: 0 },
    ]);
    assert.equal(result.diff?.gained.count, 2);
    assert.equal(result.diff?.gained.fraud, 1);
    // Highest score first.
    assert.deepEqual(result.diff?.gained.examples.map((e) => [e.txId, e.score, e.action, e.rules, e.fraud]), [
      ['T1', 3, 'block', ['r1', 'r2'], true],
      ['T5', 2, 'review', ['r1'], false],
    ]);
    assert.deepEqual(result.diff?.lost.examples.map((e) => [e.txId, e.score, e.action, e.rules, e.fraud]), [['T3', 5, 'block', ['r9'], true]]);
  });

  it('has no baseline figures or differences when nothing else was active', () => {
    const alone = new BacktestTally({ version: 1, candidate: RULES, baselineVersion: null, from: null, to: null, currency: 'CNY' });
    alone.add(tx(1, '2024-03-01', 1_000), 'fraud', false, decision(3, 'block', 'r1', 'r2'), null);
    const out = alone.result();
    assert.equal(out.baseline, null);
    assert.equal(out.diff, null);
    assert.deepEqual(out.candidate, { flagged: 1, review: 0, block: 1, flaggedMinor: 1_000, truePositives: 1, precision: 1, recall: 1 });
  });

  it('keeps the twenty highest-scoring examples of many', () => {
    const many = new BacktestTally({ version: 2, candidate: RULES, baselineVersion: 1, from: null, to: null, currency: 'CNY' });
    for (let i = 0; i < 50; i += 1) many.add(tx(i, '2024-03-01', 100), null, false, decision(2 + (i % 7), 'review', 'r1'), ALLOW);
    const gained = many.result().diff?.gained;
    assert.equal(gained?.count, 50);
    assert.equal(gained?.examples.length, 20);
    const scores = gained?.examples.map((e) => e.score) ?? [];
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    // 50 transactions, scores 2–8 in turn: seven score 8, seven 7, seven 6 → the twenty kept are 8s, 7s and six 6s.
    assert.deepEqual([scores.filter((s) => s === 8).length, scores.filter((s) => s === 7).length, scores.filter((s) => s === 6).length], [7, 7, 6]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Rule, RuleSet } from '../../../preload/contract/fraud-rules.ts';
import { diffRuleSets } from './rule-set-diff.ts';

const velocity: Rule = { id: 'velocity', description: 'Many payments in an hour', expression: 'account_count_1h > 5', score: 40, action: 'review', enabled: true };
const ring: Rule = { id: 'ring', description: 'Shared-device ring', expression: 'ring_size >= 4', score: 60, action: 'block', enabled: true };
const night: Rule = { id: 'night', description: 'Large at night', expression: 'hour_of_day < 5 && amount > 500000', score: 20, action: 'review', enabled: true };
const device: Rule = { id: 'new-device', description: 'First use of a device', expression: 'first_use_device', score: 10, action: 'review', enabled: false };

const set = (rules: Rule[], review = 50, block = 100): RuleSet => ({ rules, thresholds: { review, block } });

describe('the diff of two rule set versions', () => {
  it('is empty for the same set', () => {
    const rules = set([velocity, ring]);
    assert.deepEqual(diffRuleSets({ version: 1, ruleSet: rules }, { version: 2, ruleSet: rules }), { from: 1, to: 2, thresholds: null, added: [], removed: [], changed: [], reordered: false });
  });

  it('matches rules by id: added in the new order, removed in the old, changed with each field named', () => {
    const edited: Rule = { ...velocity, expression: 'account_count_1h >= 8', score: 45, enabled: false };
    const diff = diffRuleSets({ version: 3, ruleSet: set([velocity, ring, night]) }, { version: 5, ruleSet: set([device, edited, ring], 40, 100) });
    assert.deepEqual([diff.from, diff.to], [3, 5]);
    assert.deepEqual(diff.thresholds, { before: { review: 50, block: 100 }, after: { review: 40, block: 100 } });
    assert.deepEqual(diff.added, [device]);
    assert.deepEqual(diff.removed, [night]);
    assert.equal(diff.changed.length, 1);
    const [change] = diff.changed;
    assert.deepEqual([change?.id, change?.before, change?.after, change?.fields], ['velocity', velocity, edited, ['expression', 'score', 'enabled']]);
    assert.deepEqual(change?.expression, [
      { kind: 'same', text: 'account_count_1h >' },
      { kind: 'added', text: '=' },
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: '5' },
      { kind: 'added', text: '8' },
    ]);
    assert.equal(diff.reordered, false, 'velocity still comes before ring');
  });

  it('keeps an unchanged expression whole, and says when the common rules changed order', () => {
    const diff = diffRuleSets({ version: 1, ruleSet: set([velocity, ring, night]) }, { version: 2, ruleSet: set([ring, { ...velocity, action: 'block' }, night]) });
    assert.deepEqual(diff.changed.map((c) => [c.id, c.fields, c.expression]), [['velocity', ['action'], [{ kind: 'same', text: 'account_count_1h > 5' }]]]);
    assert.equal(diff.reordered, true);
    assert.equal(diff.thresholds, null);
  });

  it('reads a renamed rule as one removed and one added, and the block threshold alone as a threshold change', () => {
    const diff = diffRuleSets({ version: 1, ruleSet: set([velocity]) }, { version: 2, ruleSet: set([{ ...velocity, id: 'velocity-1h' }], 50, 120) });
    assert.deepEqual([diff.added.map((r) => r.id), diff.removed.map((r) => r.id), diff.changed], [['velocity-1h'], ['velocity'], []]);
    assert.deepEqual(diff.thresholds, { before: { review: 50, block: 100 }, after: { review: 50, block: 120 } });
  });
});

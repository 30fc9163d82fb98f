// The fraud rule set RiskDesk ships (resources/rule-sets/fraud-default.json), backtested on the medium demo: the
// demo's transactions go through the real feature pass and rule evaluator in time order, and what the set flags
// (review or block) is compared with the labels the generator wrote. The demo workspace is a real temporary one:
// the generator writes only through a database (demo-sink.ts), so there is no cheaper faithful source.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FRAUD_PATTERNS, type FraudPattern } from '../../demo/account-profile.ts';
import { generateDemo } from '../../demo/generate-demo.ts';
import { DEMO_LABEL_SOURCE, DEMO_PATTERN_SOURCE } from '../../demo/wallet-activity.ts';
import { FeatureStream, compileRuleSet, type FraudAccount, type RuleSet, type RuleSetEvaluator } from '../../engines/fraud/index.ts';
import type { Db } from '../../store/database.ts';
import type { AccountRecord, TransactionRecord } from '../../store/records.ts';
import { type TempDatabase, createTempDatabase } from '../../test-support/temp-database.ts';
import { readResourceJson } from '../resources-folder.ts';

const RULE_SET_FILE = 'rule-sets/fraud-default.json';
/** The demo command's default seed and a fixed as-of day: the generator is seeded, so every figure is reproducible. */
const SEED = 1;
const AS_OF = '2025-06-30';

/**
 * Share of each injected pattern's fraud transactions the set must flag. Measured when the set was written (seed 1):
 * ring 0.923, burst 0.931, takeover 0.999, spike 0.868. The floors sit a point or two under, so that a changed
 * rule or feature that loses a pattern fails here. Why the ceilings are where they are: the first one or two
 * purchases of a velocity burst have no velocity yet; a ring's first transactions come before its device or IP
 * has three accounts on it; an amount spike's second purchase is no longer from a new device or IP, and
 * some spikes are on accounts with too little history for an amount-to-median ratio.
 */
const RECALL_FLOORS: Readonly<Record<FraudPattern, number>> = {
  shared_device_ring: 0.9,
  velocity_burst: 0.91,
  account_takeover: 0.98,
  amount_spike: 0.85,
};
/**
 * Share of flagged transactions labelled fraud; measured 0.977 (208 false alerts in about 985,000 genuine
 * transactions). A default that buried analysts in false alerts would be switched off, so this is held high too.
 */
const PRECISION_FLOOR = 0.96;

interface Tally {
  total: number;
  flagged: number;
}

interface Backtest {
  readonly byPattern: ReadonlyMap<string, Tally>;
  readonly flagged: number;
  readonly flaggedFraud: number;
  readonly evaluationErrors: number;
}

function ms(iso: string | null): number | null {
  return iso === null ? null : Date.parse(iso);
}

type TransactionRow = Pick<TransactionRecord, 'tx_id' | 'account_id' | 'ts' | 'amount_minor' | 'channel' | 'merchant_category' | 'country' | 'device_id' | 'ip' | 'card_id'>;

/** Feeds every transaction, ordered by ts then tx_id as FeatureStream requires, through the features and the rules. */
function backtest(db: Db, evaluator: RuleSetEvaluator): Backtest {
  const accounts = new Map<string, FraudAccount>();
  for (const row of db.prepare('SELECT * FROM accounts').iterate() as IterableIterator<AccountRecord>) {
    accounts.set(row.account_id, {
      accountId: row.account_id,
      openedAtMs: Date.parse(row.opened_at),
      country: row.country,
      phoneChangedAtMs: ms(row.phone_changed_at),
      passwordChangedAtMs: ms(row.password_changed_at),
    });
  }
  const labelsFrom = (source: string): Map<string, string> =>
    new Map(db.prepare(`SELECT subject_id, label FROM labels WHERE subject_type = 'transaction' AND source = ?`).raw().all(source) as [string, string][]);
  const labels = labelsFrom(DEMO_LABEL_SOURCE);
  const patterns = labelsFrom(DEMO_PATTERN_SOURCE);

  const byPattern = new Map<string, Tally>();
  let flagged = 0;
  let flaggedFraud = 0;
  let evaluationErrors = 0;
  const stream = new FeatureStream(accounts);
  // NOT INDEXED: through the ts index SQLite fetches the rows one by one in ts order, which on the medium demo took
  // 20 s of CPU against 4 s for a plain scan and a sort.
  const transactions = db.prepare(
    'SELECT tx_id, account_id, ts, amount_minor, channel, merchant_category, country, device_id, ip, card_id FROM transactions NOT INDEXED ORDER BY ts, tx_id',
  );
  for (const row of transactions.iterate() as IterableIterator<TransactionRow>) {
    const features = stream.next({
      txId: row.tx_id,
      accountId: row.account_id,
      tsMs: Date.parse(row.ts),
      amountMinor: row.amount_minor,
      channel: row.channel,
      merchantCategory: row.merchant_category,
      country: row.country,
      deviceId: row.device_id,
      ip: row.ip,
      cardId: row.card_id,
    });
    const decision = evaluator.evaluate(features);
    evaluationErrors += decision.errors.length;
    const isFlagged = decision.action !== 'allow';
    const pattern = patterns.get(row.tx_id);
    if (pattern !== undefined) {
      const tally = byPattern.get(pattern) ?? { total: 0, flagged: 0 };
      tally.total += 1;
      if (isFlagged) tally.flagged += 1;
      byPattern.set(pattern, tally);
    }
    if (isFlagged) {
      flagged += 1;
      if (labels.get(row.tx_id) === 'fraud') flaggedFraud += 1;
    }
  }
  return { byPattern, flagged, flaggedFraud, evaluationErrors };
}

function shippedRuleSet(): RuleSet {
  return (readResourceJson(RULE_SET_FILE) as { ruleSet: RuleSet }).ruleSet;
}

test('the shipped rule set compiles: every expression type-checks against the feature catalogue', () => {
  const compiled = compileRuleSet(shippedRuleSet());
  assert.deepEqual(compiled.ok ? [] : compiled.problems, []);
});

describe('backtest on the medium demo', () => {
  let workspace: TempDatabase | undefined;
  let result: Backtest;

  before(() => {
    const compiled = compileRuleSet(shippedRuleSet());
    if (!compiled.ok) throw new Error(`${RULE_SET_FILE} does not compile: ${compiled.problems.map((p) => p.message).join('; ')}`);
    workspace = createTempDatabase('riskdesk-default-rules-', '2025-01-01T00:00:00.000Z');
    generateDemo(workspace.db, { scale: 'medium', seed: SEED, asOf: AS_OF });
    result = backtest(workspace.db, compiled.evaluator);
  });
  after(() => workspace?.dispose());

  test('no rule fails to evaluate on any demo transaction', () => {
    assert.equal(result.evaluationErrors, 0);
  });

  test('the set flags each injected fraud pattern above its recall floor', () => {
    for (const pattern of FRAUD_PATTERNS) {
      const tally = result.byPattern.get(pattern);
      assert.ok(tally !== undefined && tally.total > 0, `the demo has no ${pattern} transactions`);
      const recall = tally.flagged / tally.total;
      assert.ok(recall >= RECALL_FLOORS[pattern], `${pattern}: flagged ${tally.flagged} of ${tally.total} (${recall.toFixed(3)}), floor ${RECALL_FLOORS[pattern]}`);
    }
  });

  test('flagged transactions are mostly fraud', () => {
    assert.ok(result.flagged > 0, 'nothing flagged');
    const precision = result.flaggedFraud / result.flagged;
    assert.ok(precision >= PRECISION_FLOOR, `${result.flaggedFraud} of ${result.flagged} flagged are fraud (${precision.toFixed(3)}), floor ${PRECISION_FLOOR}`);
  });
});

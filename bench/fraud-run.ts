/**
 * The fraud engine over a demo workspace (issue 11, part 5): transactions per second through the features and a rule
 * set, against a plain SELECT of the same columns in the same order from the same workspace; a whole run (flags,
 * alerts, cases, on a worker); peak memory; and streaming decision latency. Figures only: no timed assertions.
 *
 *   ./node_modules/.bin/node --import tsx bench/fraud-run.ts [--scale medium|large] [--stream 20000]
 *
 * The workspace is the demo of that scale (medium ≈ 1M transactions, large ≈ 10M), built on first use in .bench/
 * through the services (shipped defaults, the default rule set active) with a bench analyst. It times:
 *   - the baseline: `SELECT <the pass's columns> FROM transactions ORDER BY ts, tx_id`, every row read;
 *   - the feature pass alone, and with the shipped rule set (14 rules) and a 20-rule set (the shipped one and six
 *     more), in this process (what a run's worker does before it writes);
 *   - a run through the service: the worker's pass, its flags, alerts and cases in one transaction;
 *   - --stream decisions after the workspace's history (`riskdesk fraud score`'s path): latency per transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { compileRuleSet, FeatureStream, type RuleSet } from '../main/engines/fraud/index.ts';
import { generateDemo } from '../main/demo/generate-demo.ts';
import { contextFor } from '../main/services/context.ts';
import { openDecisionStream } from '../main/services/fraud/decision-stream.ts';
import { runFraud } from '../main/services/fraud/fraud-run-service.ts';
import { addUser } from '../main/services/users-service.ts';
import { createEnginePool, createWorkspace, unlockWorkspace } from '../main/services/workspace-service.ts';
import { fraudRuleSets } from '../main/store/fraud-rule-sets.ts';
import { fraudAccounts, transactionsInOrder } from '../main/store/fraud-runs.ts';
import { seededRandom } from './support/seeded-random.ts';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'medium' }, stream: { type: 'string', default: '20000' } } });
const scale = values.scale === 'large' ? 'large' : 'medium';
const streamed = Number(values.stream);
const FILE = path.join('.bench', `fraud-${scale}.rdw`);
const ADMIN = { username: 'admin', passphrase: 'riskdesk bench passphrase' };
const ANALYST = { username: 'bench-analyst', passphrase: 'bench analyst passphrase' };

const seconds = (from: number): number => (performance.now() - from) / 1000;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (n: number, s: number): string => `${Math.round(n / s).toLocaleString('en-US')} tx/s`;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);

async function ensureWorkspace(): Promise<void> {
  if (fs.existsSync(FILE)) return;
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  const started = performance.now();
  const workspace = await createWorkspace({ path: FILE, ...ADMIN });
  try {
    const summary = generateDemo(workspace.db, { scale, seed: 1, asOf: '2025-06-30' });
    await addUser(contextFor(workspace), { ...ANALYST, role: 'analyst' });
    console.log(`built ${FILE}: ${summary.counts['transactions']?.toLocaleString('en-US')} transactions in ${seconds(started).toFixed(0)} s`);
  } finally {
    workspace.close();
  }
}

/** The shipped rule set and six more readable rules, for the issue's "20 rules". */
function twentyRules(shipped: RuleSet): RuleSet {
  const extra = [
    ['card-day-burst', 'card_count_24h >= 10', 10],
    ['ip-day-burst', 'ip_count_24h >= 30', 10],
    ['account-week-sum', 'account_sum_7d >= 5000000', 10],
    ['young-account-large', 'account_age_days < 7.0 && amount >= 100000', 15],
    ['device-many-accounts-day', 'device_count_1h >= 5 && device_distinct_accounts >= 2', 15],
    ['z-spike', 'amount_robust_z >= 25.0', 10],
  ] as const;
  const rules = [...shipped.rules, ...extra.map(([id, expression, score]) => ({ id, expression, score, action: 'review' as const, description: id, enabled: true }))];
  return { ...shipped, rules };
}

await ensureWorkspace();
const workspace = await unlockWorkspace({ path: FILE, ...ANALYST });
const reader = workspace.db;
const shipped = fraudRuleSets.active(reader)?.ruleSet;
if (!shipped) throw new Error('the bench workspace has no active rule set');

// Baseline: the same rows, in the same order, read and nothing done with them.
let started = performance.now();
let rows = 0;
for (const row of reader
  .prepare(`SELECT tx_id, account_id, ts, amount_minor, currency, channel, merchant_category, country, device_id, ip, card_id FROM transactions ORDER BY ts, tx_id`)
  .raw(true)
  .iterate()) {
  if (row) rows += 1;
}
const baseline = seconds(started);
console.log(`${scale}: ${rows.toLocaleString('en-US')} transactions`);
console.log(`baseline SELECT in order: ${baseline.toFixed(1)} s (${rate(rows, baseline)})`);

function pass(label: string, ruleSet: RuleSet | null): void {
  const compiled = ruleSet ? compileRuleSet(ruleSet) : null;
  if (compiled && !compiled.ok) throw new Error(`${label}: ${compiled.problems.map((p) => p.message).join('; ')}`);
  const evaluator = compiled?.ok ? compiled.evaluator : null;
  const began = performance.now();
  const stream = new FeatureStream(fraudAccounts(reader));
  let flagged = 0;
  for (const tx of transactionsInOrder(reader, null)) {
    const vector = stream.next(tx);
    if (evaluator && evaluator.evaluate(vector).action !== 'allow') flagged += 1;
  }
  const took = seconds(began);
  console.log(`${label}: ${took.toFixed(1)} s (${rate(rows, took)}, ${(took / baseline).toFixed(2)} × the SELECT)${evaluator ? `, ${flagged.toLocaleString('en-US')} flagged` : ''}`);
}

pass('features only', null);
pass(`features + shipped rule set (${shipped.rules.length} rules)`, shipped);
pass('features + 20 rules', twentyRules(shipped));

const pool = createEnginePool({ size: 1 });
try {
  const ctx = contextFor(workspace, { pool: () => pool });
  peakRss = 0;
  started = performance.now();
  const run = await runFraud(ctx, {}, { writer: workspace.writerSpec() });
  const took = seconds(started);
  console.log(
    `run (worker: pass, ${run.flagged.toLocaleString('en-US')} flags, alerts ${run.alerts.raised.toLocaleString('en-US')} new / ${run.alerts.repeated.toLocaleString('en-US')} repeated, ${run.alerts.casesOpened.toLocaleString('en-US')} cases): ${took.toFixed(1)} s (${rate(run.transactions, took)}), main-process peak RSS ${mb(peakRss)}`,
  );

  // Streaming: the history read once, then transactions after it, each decided as it arrives.
  started = performance.now();
  const decisions = openDecisionStream(ctx);
  console.log(`stream: window state from ${decisions.historyRead.toLocaleString('en-US')} transactions in ${seconds(started).toFixed(1)} s`);
  const accounts = [...fraudAccounts(reader).keys()];
  const lastTs = reader.prepare('SELECT max(ts) FROM transactions').pluck().get() as string;
  const random = seededRandom(11);
  const latencies: number[] = [];
  let at = Date.parse(lastTs);
  for (let i = 0; i < streamed; i += 1) {
    at += 1_000;
    const line = JSON.stringify({
      tx_id: `S${i}`,
      account_id: accounts[Math.floor(random() * accounts.length)],
      ts: new Date(at).toISOString(),
      amount: (10 + Math.floor(random() * 5_000)).toFixed(2),
      currency: 'CNY',
      channel: 'app',
      merchant_category: '5411',
      device_id: `BD${Math.floor(random() * 50_000)}`,
      ip: `10.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.1`,
    });
    const began = performance.now();
    const decision = decisions.decide(line, i + 1);
    latencies.push(performance.now() - began);
    if ('error' in decision) throw new Error(decision.error);
  }
  latencies.sort((a, b) => a - b);
  const quantile = (q: number): string => `${(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(3)} ms`;
  console.log(`stream: ${streamed.toLocaleString('en-US')} decisions, p50 ${quantile(0.5)}, p99 ${quantile(0.99)}, max ${quantile(1)} per transaction (parse, features, rules)`);
} finally {
  await pool.close();
  workspace.close();
  clearInterval(sampler);
}
console.log(`peak RSS of this process: ${mb(peakRss)}`);

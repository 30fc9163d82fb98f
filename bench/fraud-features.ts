/**
 * The fraud engine's streaming feature pass (issue 11, section 1) and a 20-rule CEL set on synthetic transactions.
 * Figures only: no assertions.
 *
 *   ./node_modules/.bin/node --import tsx bench/fraud-features.ts [--transactions 1000000] [--accounts 50000] [--days 60]
 *
 * Transactions are generated in time order from a seed, in memory, one at a time (never all held at once, so that
 * peak RSS is the stream's state and not the input): each account has a home device, IP and card, and now and then
 * uses another device, a shared IP (carrier-grade NAT) or a country abroad. It first times the generator alone, then
 * the generator feeding FeatureStream, then the generator feeding FeatureStream and RULE_SET's evaluator, and prints
 * transactions per second for each and for the features, and features + rules, without the generator (the
 * differences), then the rule set alone over the first 20,000 vectors again and again, by the wall clock and by
 * user CPU time (on a shared machine the latter is the steadier), with the peak RSS of the process and the heap after
 * the passes.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { resourceUsage } from 'node:process';
import { FeatureStream, compileRuleSet, type FraudAccount, type FeatureVector, type FraudTransaction, type RuleSet } from '../main/engines/fraud/index.ts';
import { seededRandom } from './support/seeded-random.ts';

const { values } = parseArgs({
  options: {
    transactions: { type: 'string', default: '1000000' },
    accounts: { type: 'string', default: '50000' },
    days: { type: 'string', default: '60' },
  },
});
const TRANSACTIONS = Number(values.transactions);
const ACCOUNTS = Number(values.accounts);
const DAYS = Number(values.days);
const START_MS = Date.parse('2026-01-01T00:00:00Z');
const DAY_MS = 86_400_000;
const CHANNELS = ['qr', 'pos', 'ecommerce', 'app'];
const CATEGORIES = ['grocery', 'dining', 'transport', 'utilities', 'electronics', 'travel', 'gaming', 'luxury'];
const COUNTRIES = ['CN', 'CN', 'CN', 'CN', 'HK', 'JP', 'TH', 'KH'];

const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => `A${String(i).padStart(7, '0')}`);
const homeDevices = Array.from({ length: ACCOUNTS }, (_, i) => `D${i}`);
const homeIps = Array.from({ length: ACCOUNTS }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
const cards = Array.from({ length: ACCOUNTS }, (_, i) => `C${i}`);
const otherDevices = Array.from({ length: ACCOUNTS >> 2 }, (_, i) => `X${i}`);
const sharedIps = Array.from({ length: Math.max(20, ACCOUNTS >> 9) }, (_, i) => `100.64.${i >> 8}.${i & 255}`);
const accountSetup = seededRandom(7);
const accounts = new Map<string, FraudAccount>(
  accountIds.map((accountId) => [
    accountId,
    {
      accountId,
      openedAtMs: START_MS - Math.floor(accountSetup() * 700) * DAY_MS,
      country: accountSetup() < 0.99 ? 'CN' : 'HK',
      phoneChangedAtMs: accountSetup() < 0.05 ? START_MS + Math.floor(accountSetup() * DAYS * DAY_MS) : null,
      passwordChangedAtMs: accountSetup() < 0.1 ? START_MS + Math.floor(accountSetup() * DAYS * DAY_MS) : null,
    },
  ]),
);

/** A realistic set: velocity, amount against the account's history, new device / IP / country, rings, card testing. */
const RULE_SET: RuleSet = {
  thresholds: { review: 40, block: 80 },
  rules: [
    ['burst_10m', 'account_count_10m >= 5', 30],
    ['hourly_spend', 'account_count_1h >= 10 && account_sum_1h > 500000', 30],
    ['daily_spend', 'account_sum_24h > 2000000', 20],
    ['amount_spike', 'amount_to_median > 8.0 && amount > 50000', 30],
    ['robust_outlier', 'amount_robust_z > 6.0', 20],
    ['new_device_large', 'first_use_device && amount_to_median > 3.0', 30],
    ['new_device_new_ip', 'first_use_device && first_use_ip && account_age_days > 30.0', 20],
    ['new_country_young', 'first_use_country && account_age_days < 30.0', 25],
    ['device_farm', 'device_distinct_accounts >= 5', 40],
    ['crowded_ip', 'ip_distinct_accounts >= 20 && ip_count_1h > 50', 15],
    ['large_ring', 'ring_size >= 10 && amount > 100000', 30],
    ['ring_new_device', 'ring_size >= 3 && first_use_device', 25],
    ['card_testing', 'card_count_10m >= 3 && card_sum_10m < 3000', 50],
    ['night_large', 'hour_of_day >= 1 && hour_of_day <= 5 && amount > 100000', 15],
    ['password_reset', 'hours_since_password_change < 24.0 && amount_to_median > 2.0', 30],
    ['phone_swap', 'hours_since_phone_change < 72.0 && (first_use_device || first_use_ip)', 35],
    ['young_account', 'account_age_days < 7.0 && account_sum_24h > 300000', 30],
    ['risky_category', 'merchant_category in ["gaming", "luxury"] && amount > 200000', 20],
    ['ecommerce_burst', 'channel == "ecommerce" && device_count_1h >= 4', 20],
    ['ip_velocity', 'ip_count_10m >= 30 || ip_sum_24h > 3 * account_sum_24h + 10000000', 20],
  ].map(([id, expression, score]) => ({ id: id as string, expression: expression as string, score: score as number, action: (score as number) >= 40 ? 'block' : 'review', description: id as string, enabled: true })),
};

/** Calls `each` with TRANSACTIONS seeded transactions in (ts, tx_id) order. */
function generate(each: (tx: FraudTransaction) => void): void {
  const random = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const meanGapMs = (DAYS * DAY_MS) / TRANSACTIONS;
  let ts = START_MS;
  for (let i = 0; i < TRANSACTIONS; i++) {
    // Exponential gaps rounded to the second, so that ties happen.
    ts += Math.round((-Math.log(1 - random()) * meanGapMs) / 1000) * 1000;
    const a = Math.floor(random() * ACCOUNTS);
    const r = random();
    each({
      txId: `T${String(i).padStart(9, '0')}`,
      accountId: accountIds[a] as string,
      tsMs: ts,
      amountMinor: Math.max(100, Math.round(Math.exp(7 + 1.5 * random() + (r < 0.01 ? 3 : 0)))),
      channel: pick(CHANNELS),
      merchantCategory: r < 0.2 ? null : pick(CATEGORIES),
      country: r < 0.97 ? 'CN' : pick(COUNTRIES),
      deviceId: r < 0.95 ? (homeDevices[a] as string) : pick(otherDevices),
      ip: r < 0.7 ? (homeIps[a] as string) : r < 0.98 ? pick(sharedIps) : null,
      cardId: r < 0.4 ? (cards[a] as string) : null,
    });
  }
}

function rate(count: number, ms: number): string {
  return `${Math.round((count / ms) * 1000).toLocaleString('en-US')} tx/s`;
}

let checksum = 0;
const cpu = process.cpuUsage();
const started = performance.now();
generate((tx) => {
  checksum += tx.amountMinor;
});
const generateMs = performance.now() - started;
const generateCpuMs = process.cpuUsage(cpu).user / 1000;

function timedPass(each: (tx: FraudTransaction) => void): { wallMs: number; cpuMs: number } {
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  generate(each);
  return { wallMs: performance.now() - startedAt, cpuMs: process.cpuUsage(cpuBefore).user / 1000 };
}

let flagged = 0;
const stream = new FeatureStream(accounts);
const featuresPass = timedPass((tx) => {
  const features = stream.next(tx);
  if (features.account_count_1h > 3 || features.amount_robust_z > 5 || features.ring_size > 50) flagged++;
});

const compiled = compileRuleSet(RULE_SET);
if (!compiled.ok) throw new Error(compiled.problems.map((problem) => problem.message).join('\n'));
const evaluator = compiled.evaluator;
const decisions = { allow: 0, review: 0, block: 0 };
let fired = 0;
const rulesStream = new FeatureStream(accounts);
const rulesPass = timedPass((tx) => {
  const decision = evaluator.evaluate(rulesStream.next(tx));
  decisions[decision.action]++;
  fired += decision.fired.length;
});

// The rules alone, without the memory-bound feature pass around them: the first RULES_VECTORS vectors of a fresh
// stream, evaluated over and over up to TRANSACTIONS evaluations.
const RULES_VECTORS = 20_000;
const vectors: FeatureVector[] = [];
const vectorStream = new FeatureStream(accounts);
generate((tx) => {
  if (vectors.length < RULES_VECTORS) vectors.push(vectorStream.next(tx));
});
const rulesCpu = process.cpuUsage();
const rulesStarted = performance.now();
for (let i = 0; i < TRANSACTIONS; i++) fired += evaluator.evaluate(vectors[i % vectors.length]!).fired.length;
const rulesAlone = { wallMs: performance.now() - rulesStarted, cpuMs: process.cpuUsage(rulesCpu).user / 1000 };

const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
const peakRssMb = resourceUsage().maxRSS / 1024;
console.log(`fraud features: ${TRANSACTIONS.toLocaleString('en-US')} transactions, ${ACCOUNTS.toLocaleString('en-US')} accounts, ${DAYS} days (checksum ${checksum})`);
console.log('                              wall                       user CPU (the main thread and GC)');
const line = (label: string, wall: number, user: number): void =>
  console.log(`  ${label.padEnd(27)} ${(wall / 1000).toFixed(2).padStart(6)} s ${rate(TRANSACTIONS, wall).padStart(14)}   ${(user / 1000).toFixed(2).padStart(6)} s ${rate(TRANSACTIONS, user).padStart(14)}`);
line('generator alone', generateMs, generateCpuMs);
line('generator + features', featuresPass.wallMs, featuresPass.cpuMs);
line('generator + features + rules', rulesPass.wallMs, rulesPass.cpuMs);
line('features alone', featuresPass.wallMs - generateMs, featuresPass.cpuMs - generateCpuMs);
line(`features + ${RULE_SET.rules.length} rules`, rulesPass.wallMs - generateMs, rulesPass.cpuMs - generateCpuMs);
line(`${RULE_SET.rules.length} rules alone`, rulesAlone.wallMs, rulesAlone.cpuMs);
console.log(`  peak RSS ${peakRssMb.toFixed(0)} MB; heap after the passes ${heapMb.toFixed(0)} MB; ${flagged.toLocaleString('en-US')} transactions past a sample threshold`);
console.log(`  decisions of the features + rules pass: ${decisions.allow.toLocaleString('en-US')} allow, ${decisions.review.toLocaleString('en-US')} review, ${decisions.block.toLocaleString('en-US')} block; ${fired.toLocaleString('en-US')} rules fired in both rule passes`);

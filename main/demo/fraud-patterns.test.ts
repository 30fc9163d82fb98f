import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TransactionRecord } from '../store/records.ts';
import { FRAUD_PATTERNS, LEGIT_PATTERNS } from './account-profile.ts';
import { generateDemo } from './generate-demo.ts';
import { type TempDatabase, createTempDatabase } from '../test-support/temp-database.ts';
import { DEMO_LABEL_SOURCE, DEMO_PATTERN_SOURCE } from './wallet-activity.ts';

const AS_OF = '2025-06-30';
const HOUR_MS = 3_600_000;

let workspace: TempDatabase;
before(() => {
  workspace = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
  generateDemo(workspace.db, { scale: 'small', seed: 5, asOf: AS_OF });
});
after(() => workspace.dispose());

function patternTransactions(pattern: string): (TransactionRecord & { labeled: string })[] {
  return workspace.db
    .prepare(
      `SELECT t.*, d.label AS labeled FROM labels p JOIN transactions t ON t.tx_id = p.subject_id
         JOIN labels d ON d.subject_type = 'transaction' AND d.subject_id = p.subject_id AND d.source = ?
       WHERE p.subject_type = 'transaction' AND p.source = ? AND p.label = ? ORDER BY t.account_id, t.ts`,
    )
    .all(DEMO_LABEL_SOURCE, DEMO_PATTERN_SOURCE, pattern) as (TransactionRecord & { labeled: string })[];
}

function byAccount<T extends { account_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.account_id, [...(groups.get(row.account_id) ?? []), row]);
  return groups;
}

function history(accountId: string, beforeTs: string): TransactionRecord[] {
  return workspace.db.prepare(`SELECT * FROM transactions WHERE account_id = ? AND ts < ? ORDER BY ts`).all(accountId, beforeTs) as TransactionRecord[];
}

test('fraud is 0.5–2 % of transactions, and every pattern label pairs with a fraud or legit label', () => {
  const { n, fraud } = workspace.db
    .prepare(`SELECT count(*) AS n, sum(EXISTS (SELECT 1 FROM labels l WHERE l.subject_type = 'transaction' AND l.subject_id = t.tx_id AND l.source = 'demo' AND l.label = 'fraud')) AS fraud FROM transactions t`)
    .get() as { n: number; fraud: number };
  const share = fraud / n;
  assert.ok(share >= 0.005 && share <= 0.02, `fraud share ${share}`);
  for (const pattern of FRAUD_PATTERNS) {
    const rows = patternTransactions(pattern);
    assert.ok(rows.length > 0, `no ${pattern} transactions`);
    assert.ok(rows.every((r) => r.labeled === 'fraud'), pattern);
  }
  for (const pattern of LEGIT_PATTERNS) {
    const rows = patternTransactions(pattern);
    assert.ok(rows.length > 0, `no ${pattern} transactions`);
    assert.ok(rows.every((r) => r.labeled === 'legit'), pattern);
  }
  const unpaired = workspace.db
    .prepare(`SELECT count(*) AS n FROM labels p WHERE p.source = 'demo_pattern' AND NOT EXISTS (SELECT 1 FROM labels d WHERE d.subject_type = p.subject_type AND d.subject_id = p.subject_id AND d.source = 'demo')`)
    .get() as { n: number };
  assert.equal(unpaired.n, 0);
});

test('shared-device rings: several fresh, low-KYC, wallet-only accounts on one device, all labelled', () => {
  const rows = patternTransactions('shared_device_ring');
  const accountsPerDevice = new Map<string, Set<string>>();
  for (const row of rows) accountsPerDevice.set(row.device_id ?? '', (accountsPerDevice.get(row.device_id ?? '') ?? new Set()).add(row.account_id));
  const rings = [...accountsPerDevice.values()].filter((accounts) => accounts.size >= 4);
  assert.ok(rings.length >= 2, `rings ${rings.length}`);
  for (const ring of rings) {
    for (const accountId of ring) {
      const account = workspace.db.prepare(`SELECT * FROM accounts WHERE account_id = ?`).get(accountId) as { borrower_id: string | null; kyc_level: number };
      assert.equal(account.borrower_id, null);
      assert.ok(account.kyc_level <= 2);
      const labels = workspace.db.prepare(`SELECT source, label FROM labels WHERE subject_type = 'account' AND subject_id = ? ORDER BY source`).all(accountId);
      assert.deepEqual(labels, [{ source: 'demo', label: 'fraud' }, { source: 'demo_pattern', label: 'shared_device_ring' }]);
    }
  }
  // Money moves inside the ring.
  const internal = rows.filter((r) => r.type === 'p2p_transfer' && rings.some((ring) => ring.has(r.account_id) && ring.has(r.counterparty_account ?? '')));
  assert.ok(internal.length > 0);
});

test('velocity bursts: at least eight card purchases on one account within ninety minutes', () => {
  const accounts = byAccount(patternTransactions('velocity_burst'));
  assert.ok(accounts.size > 0);
  for (const [accountId, rows] of accounts) {
    assert.ok(rows.length >= 8, `${accountId}: ${rows.length}`);
    const span = Date.parse(rows.at(-1)?.ts ?? '') - Date.parse(rows[0]?.ts ?? '');
    assert.ok(span <= 1.5 * HOUR_MS, `${accountId}: ${span} ms`);
    assert.ok(rows.every((r) => r.type === 'card_purchase' && r.card_id === rows[0]?.card_id));
  }
});

test('account takeover: right after a phone change, a new device in a new country sends large transfers', () => {
  const accounts = byAccount(patternTransactions('account_takeover'));
  assert.ok(accounts.size > 0);
  for (const [accountId, rows] of accounts) {
    const account = workspace.db.prepare(`SELECT phone_changed_at, password_changed_at FROM accounts WHERE account_id = ?`).get(accountId) as { phone_changed_at: string | null; password_changed_at: string | null };
    assert.ok(account.phone_changed_at && account.password_changed_at && account.password_changed_at > account.phone_changed_at, accountId);
    const changedMs = Date.parse(account.phone_changed_at);
    const earlier = history(accountId, account.phone_changed_at);
    assert.ok(earlier.length > 0, `${accountId} has no history before the takeover`);
    for (const row of rows) {
      const delay = Date.parse(row.ts) - changedMs;
      assert.ok(delay > 0 && delay <= 72 * HOUR_MS, `${row.tx_id} ${delay}`);
      assert.ok(row.country !== 'CN' && !earlier.some((e) => e.country === row.country), `${row.tx_id} country ${row.country}`);
      assert.ok(!earlier.some((e) => e.device_id === row.device_id), `${row.tx_id} device seen before`);
      assert.ok(row.amount_minor >= 2_000_00, `${row.tx_id} amount ${row.amount_minor}`);
    }
    assert.ok(rows.some((r) => r.type === 'p2p_transfer' && r.amount_minor >= 5_000_00));
    // The owner is locked out: nothing after the takeover is theirs.
    assert.equal(history(accountId, '9999').filter((t) => t.ts > account.phone_changed_at! && !rows.some((r) => r.tx_id === t.tx_id)).length, 0);
    const accountLabel = workspace.db.prepare(`SELECT label FROM labels WHERE subject_type = 'account' AND subject_id = ? AND source = 'demo_pattern'`).get(accountId);
    assert.deepEqual(accountLabel, { label: 'account_takeover' });
  }
});

test("amount spikes: resaleable goods at well over ten times the account's usual ticket", () => {
  const rows = patternTransactions('amount_spike');
  assert.ok(rows.length > 0);
  for (const row of rows) {
    const usual = history(row.account_id, row.ts).filter((t) => t.type === 'wallet_payment' || t.type === 'card_purchase').map((t) => t.amount_minor).sort((a, b) => a - b);
    if (usual.length < 3) continue;
    const median = usual[Math.floor(usual.length / 2)] ?? 0;
    assert.ok(row.amount_minor >= 10 * median, `${row.tx_id}: ${row.amount_minor} vs median ${median}`);
    assert.ok(['5732', '5944', '6051'].includes(row.merchant_category ?? ''), row.merchant_category ?? 'null');
  }
});

test('trips abroad are labelled legit and happen on the customer’s own device', () => {
  const rows = patternTransactions('travel');
  assert.ok(rows.every((r) => r.country !== 'CN'));
  for (const [accountId, trip] of byAccount(rows)) {
    const devices = new Set(history(accountId, trip[0]?.ts ?? '').map((t) => t.device_id));
    if (devices.size > 0) assert.ok(trip.every((r) => devices.has(r.device_id)), accountId);
  }
});

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import {
  FRAUD_FEATURES,
  FeatureStream,
  NO_CHANGE_HOURS,
  type FeatureVector,
  type FraudAccount,
  type FraudTransaction,
} from './index.ts';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function account(accountId: string, overrides: Partial<FraudAccount> = {}): FraudAccount {
  return { accountId, openedAtMs: T0 - 30 * DAY, country: 'CN', phoneChangedAtMs: null, passwordChangedAtMs: null, ...overrides };
}

let sequence = 0;
/** A transaction at T0 + offsetMs; ids increase with creation so that ties are in tx_id order unless a test says otherwise. */
function tx(accountId: string, offsetMs: number, overrides: Partial<FraudTransaction> = {}): FraudTransaction {
  sequence++;
  return {
    txId: `T${String(sequence).padStart(6, '0')}`,
    accountId,
    tsMs: T0 + offsetMs,
    amountMinor: 10_000,
    channel: 'app',
    merchantCategory: 'grocery',
    country: 'CN',
    deviceId: `dev-${accountId}`,
    ip: `ip-${accountId}`,
    cardId: null,
    ...overrides,
  };
}

function stream(...accounts: FraudAccount[]): FeatureStream {
  return new FeatureStream(new Map(accounts.map((a) => [a.accountId, a])));
}

function run(accounts: FraudAccount[], txs: FraudTransaction[]): FeatureVector[] {
  const features = stream(...accounts);
  return txs.map((t) => features.next(t));
}

describe('the catalogue', () => {
  it('names every feature of the vector once, in its order, as CEL identifiers, with both languages', () => {
    const vector = run([account('A')], [tx('A', 0)])[0];
    assert.ok(vector);
    assert.deepEqual(Object.keys(vector), FRAUD_FEATURES.map((feature) => feature.name));
    for (const feature of FRAUD_FEATURES) {
      assert.match(feature.name, /^[a-z][a-z0-9_]*$/);
      assert.ok(feature.description.en.length > 0 && feature.description['zh-CN'].length > 0, feature.name);
      const value: unknown = vector[feature.name as keyof FeatureVector];
      const expected = { int: 'number', double: 'number', bool: 'boolean', string: 'string' }[feature.type];
      assert.equal(typeof value, expected, feature.name);
      if (feature.type === 'int') assert.ok(Number.isInteger(value), feature.name);
    }
  });
});

describe('sliding windows', () => {
  it('count the transaction itself, and a transaction exactly 10 minutes earlier is out of the 10-minute window', () => {
    const [first, atEdge, justInside] = run(
      [account('A')],
      [tx('A', 0, { amountMinor: 100 }), tx('A', 10 * MINUTE, { amountMinor: 200 }), tx('A', 20 * MINUTE - 1, { amountMinor: 400 })],
    );
    assert.equal(first?.account_count_10m, 1);
    assert.equal(first?.account_sum_10m, 100);
    // (ts − 10 min, ts]: the first transaction lies on the open end.
    assert.equal(atEdge?.account_count_10m, 1);
    assert.equal(atEdge?.account_sum_10m, 200);
    assert.equal(atEdge?.account_count_1h, 2);
    assert.equal(atEdge?.account_sum_1h, 300);
    // 1 ms inside the window of the second one.
    assert.equal(justInside?.account_count_10m, 2);
    assert.equal(justInside?.account_sum_10m, 600);
    assert.equal(justInside?.account_count_7d, 3);
  });

  it('apply the same edge to every window and entity, and forget an entity idle for longer than 7 days', () => {
    const shared = { deviceId: 'D', ip: 'I', cardId: 'C' };
    const [, second, third, fourth] = run(
      [account('A')],
      [
        tx('A', 0, { ...shared, amountMinor: 1 }),
        tx('A', HOUR, { ...shared, amountMinor: 2 }),
        tx('A', DAY + HOUR, { ...shared, amountMinor: 4 }),
        tx('A', 7 * DAY + DAY + HOUR, { ...shared, amountMinor: 8 }),
      ],
    );
    for (const entity of ['account', 'device', 'ip', 'card'] as const) {
      assert.equal(second?.[`${entity}_count_1h`], 1, entity);
      assert.equal(second?.[`${entity}_count_24h`], 2, entity);
      assert.equal(third?.[`${entity}_count_24h`], 1, entity);
      assert.equal(third?.[`${entity}_sum_7d`], 7, entity);
      assert.equal(fourth?.[`${entity}_count_7d`], 1, entity);
      assert.equal(fourth?.[`${entity}_sum_7d`], 8, entity);
    }
  });

  it('count the earlier of two transactions at the same second in the later one, not the other way round', () => {
    const a = tx('A', 0, { txId: 'T-a', deviceId: 'D' });
    const b = tx('B', 0, { txId: 'T-b', deviceId: 'D' });
    const [first, second] = run([account('A'), account('B')], [a, b]);
    assert.equal(first?.device_count_10m, 1);
    assert.equal(second?.device_count_10m, 2);
    assert.equal(first?.device_distinct_accounts, 1);
    assert.equal(second?.device_distinct_accounts, 2);
  });

  it('give 0 for an entity the transaction does not have', () => {
    const [vector] = run([account('A')], [tx('A', 0, { deviceId: null, ip: null, cardId: null })]);
    assert.equal(vector?.device_count_10m, 0);
    assert.equal(vector?.ip_sum_7d, 0);
    assert.equal(vector?.card_count_24h, 0);
    assert.equal(vector?.first_use_device, false);
    assert.equal(vector?.ip_distinct_accounts, 0);
    assert.equal(vector?.account_count_10m, 1);
  });
});

describe('order', () => {
  it('refuses a transaction earlier than the last one, naming it and both times', () => {
    const features = stream(account('A'));
    features.next(tx('A', HOUR, { txId: 'T-late' }));
    assert.throws(
      () => features.next(tx('A', 0, { txId: 'T-early' })),
      (error: Error) =>
        error instanceof RangeError &&
        error.message.includes('T-early') &&
        error.message.includes('T-late') &&
        error.message.includes('2026-03-01T00:00:00.000Z') &&
        error.message.includes('2026-03-01T01:00:00.000Z'),
    );
  });

  it('refuses a tie at the same ts out of tx_id order, and the same transaction twice', () => {
    const features = stream(account('A'));
    features.next(tx('A', 0, { txId: 'T2' }));
    assert.throws(() => features.next(tx('A', 0, { txId: 'T1' })), /T1 out of order/);
    assert.throws(() => features.next(tx('A', 0, { txId: 'T2' })), /T2 out of order/);
    assert.doesNotThrow(() => features.next(tx('A', 0, { txId: 'T3' })));
  });

  it('refuses a transaction of an unknown account', () => {
    assert.throws(() => stream(account('A')).next(tx('Z', 0)), /unknown account Z/);
  });
});

describe('first use and distinct accounts', () => {
  it('flag a device, an IP and a country the account has not used before', () => {
    const vectors = run(
      [account('A')],
      [
        tx('A', 0, { deviceId: 'D1', ip: 'I1', country: 'CN' }),
        tx('A', MINUTE, { deviceId: 'D1', ip: 'I1', country: 'CN' }),
        tx('A', 2 * MINUTE, { deviceId: 'D2', ip: 'I1', country: 'CN' }),
        tx('A', 3 * MINUTE, { deviceId: 'D1', ip: 'I2', country: 'JP' }),
        tx('A', 4 * MINUTE, { deviceId: 'D2', ip: 'I2', country: null }),
      ],
    );
    const flags = vectors.map((v) => [v.first_use_device, v.first_use_ip, v.first_use_country]);
    assert.deepEqual(flags, [
      [true, true, true],
      [false, false, false],
      [true, false, false],
      [false, true, true],
      [false, false, false],
    ]);
  });

  it('count the distinct accounts per device and per IP so far, this one included', () => {
    const vectors = run(
      [account('A'), account('B'), account('C')],
      [
        tx('A', 0, { deviceId: 'D', ip: 'I' }),
        tx('B', MINUTE, { deviceId: 'D', ip: 'I' }),
        tx('A', 2 * MINUTE, { deviceId: 'D', ip: 'J' }),
        tx('C', 3 * MINUTE, { deviceId: 'D', ip: 'I' }),
        // Long after: "so far" is not a window.
        tx('B', 30 * DAY, { deviceId: 'D', ip: 'I' }),
      ],
    );
    assert.deepEqual(vectors.map((v) => v.device_distinct_accounts), [1, 2, 2, 3, 3]);
    assert.deepEqual(vectors.map((v) => v.ip_distinct_accounts), [1, 2, 1, 3, 3]);
  });
});

describe('ring size', () => {
  it('joins two rings through a shared IP, from that transaction on', () => {
    const accounts = ['A', 'B', 'C', 'D', 'E'].map((id) => account(id));
    const vectors = run(accounts, [
      // Ring 1: A and B share device D1.
      tx('A', 0, { deviceId: 'D1', ip: 'IA' }),
      tx('B', MINUTE, { deviceId: 'D1', ip: 'IB' }),
      // Ring 2: C and D share device D2; D also uses IP X.
      tx('C', 2 * MINUTE, { deviceId: 'D2', ip: 'IC' }),
      tx('D', 3 * MINUTE, { deviceId: 'D2', ip: 'X' }),
      // Before the join, A still sees its own ring of 2.
      tx('A', 4 * MINUTE, { deviceId: 'D1', ip: 'IA' }),
      // B on IP X joins the rings: 4 accounts.
      tx('B', 5 * MINUTE, { deviceId: 'D1', ip: 'X' }),
      tx('C', 6 * MINUTE, { deviceId: 'D2', ip: 'IC' }),
      // E shares nothing.
      tx('E', 7 * MINUTE, { deviceId: 'D3', ip: 'IE' }),
    ]);
    assert.deepEqual(vectors.map((v) => v.ring_size), [1, 2, 1, 2, 2, 4, 4, 1]);
  });

  it('names a ring by its first account, which a merge keeps from the older ring', () => {
    const stream = new FeatureStream(new Map(['A', 'B', 'C', 'D', 'E'].map((id) => [id, account(id)])));
    const ringsAfter = (transaction: FraudTransaction, ...ids: string[]) => {
      stream.next(transaction);
      return ids.map((id) => stream.ringOf(id));
    };
    assert.deepEqual(ringsAfter(tx('C', 0, { deviceId: 'D2', ip: 'IC' }), 'C', 'Z'), [null, null]);
    assert.deepEqual(ringsAfter(tx('D', MINUTE, { deviceId: 'D2', ip: 'X' }), 'C', 'D'), ['C', 'C']);
    assert.deepEqual(ringsAfter(tx('A', 2 * MINUTE, { deviceId: 'D1', ip: 'IA' }), 'A'), [null]);
    assert.deepEqual(ringsAfter(tx('B', 3 * MINUTE, { deviceId: 'D1', ip: 'IB' }), 'A', 'B'), ['A', 'A']);
    // B on IP X merges the two rings: C was seen before A, so the merged ring is C's whichever root union-find keeps.
    assert.deepEqual(ringsAfter(tx('B', 4 * MINUTE, { deviceId: 'D1', ip: 'X' }), 'A', 'B', 'C', 'D'), ['C', 'C', 'C', 'C']);
    assert.deepEqual(ringsAfter(tx('E', 5 * MINUTE, { deviceId: 'D3', ip: 'IE' }), 'E'), [null]);
  });
});

describe('account and time features', () => {
  it('give the hour in the account country’s zone, account age and the hours since a change before the transaction', () => {
    const opened = T0 - 10 * DAY - 12 * HOUR;
    const accounts = [
      account('CN', { openedAtMs: opened, passwordChangedAtMs: T0 - 6 * HOUR, phoneChangedAtMs: T0 + 20 * HOUR }),
      account('XX', { country: null, openedAtMs: T0 }),
    ];
    // T0 + 17h30 is 01:30 the next day in Beijing, 17:30 in UTC.
    const [cn, unknown] = run(accounts, [tx('CN', 17 * HOUR + 30 * MINUTE), tx('XX', 17 * HOUR + 30 * MINUTE)]);
    assert.equal(cn?.hour_of_day, 1);
    assert.equal(unknown?.hour_of_day, 17);
    // Opened 10 days 12 hours before T0; the transaction is 17 h 30 min after it.
    assert.equal(cn?.account_age_days, (10.5 * DAY + 17.5 * HOUR) / DAY);
    assert.equal(cn?.hours_since_password_change, 23.5);
    // The phone change came after the transaction: the transaction could not have known it.
    assert.equal(cn?.hours_since_phone_change, NO_CHANGE_HOURS);
    assert.equal(unknown?.hours_since_password_change, NO_CHANGE_HOURS);
    assert.equal(unknown?.account_age_days, 17.5 / 24);
  });

  it('carry the amount, merchant category and channel, with \'\' for none', () => {
    const [vector] = run([account('A')], [tx('A', 0, { amountMinor: 12_345, merchantCategory: null, channel: 'qr' })]);
    assert.equal(vector?.amount, 12_345);
    assert.equal(vector?.merchant_category, '');
    assert.equal(vector?.channel, 'qr');
  });
});

describe('amount against the account’s history', () => {
  it('is neutral with fewer than 5 earlier transactions', () => {
    const vectors = run([account('A')], [100, 200, 300, 400, 5000].map((amount, i) => tx('A', i * MINUTE, { amountMinor: amount })));
    for (const v of vectors) {
      assert.equal(v.amount_to_median, 1);
      assert.equal(v.amount_robust_z, 0);
    }
  });

  it('uses the median and MAD of the earlier amounts only', () => {
    // Earlier amounts 100, 200, 300, 400, 500: median 300, |deviations| 200, 100, 0, 100, 200 → MAD 100.
    const vectors = run([account('A')], [500, 100, 400, 200, 300, 1000].map((amount, i) => tx('A', i * MINUTE, { amountMinor: amount })));
    const last = vectors.at(-1);
    assert.equal(last?.amount_to_median, 1000 / 300);
    assert.equal(last?.amount_robust_z, 700 / (1.4826 * 100));
  });

  it('takes an even count’s median between the middle two, and falls back when the MAD is 0', () => {
    // Six earlier amounts 100 × 4, 200, 600: median 100, MAD 0 → 1.253314 × mean |x − 100| = 1.253314 × 600 / 6.
    const amounts = [100, 200, 100, 600, 100, 100, 300];
    const last = run([account('A')], amounts.map((amount, i) => tx('A', i * MINUTE, { amountMinor: amount }))).at(-1);
    assert.equal(last?.amount_to_median, 3);
    assert.equal(last?.amount_robust_z, 200 / (1.253314 * 100));
    // Six earlier 100, 200, 300, 400, 500, 600: median 350, deviations 250, 150, 50, 50, 150, 250 → MAD 150.
    const even = run([account('B')], [100, 200, 300, 400, 500, 600, 350].map((amount, i) => tx('B', i * MINUTE, { amountMinor: amount }))).at(-1);
    assert.equal(even?.amount_to_median, 1);
    assert.equal(even?.amount_robust_z, 0);
    // All the same: the scale is 1 minor unit.
    const flat = run([account('C')], [100, 100, 100, 100, 100, 103].map((amount, i) => tx('C', i * MINUTE, { amountMinor: amount }))).at(-1);
    assert.equal(flat?.amount_robust_z, 3);
  });

  it('keeps only the last 200 amounts', () => {
    // 200 amounts of 1,000 then 200 of 10: by then the median is 10 (the 1,000s have left the history).
    const amounts = [...Array<number>(200).fill(1000), ...Array<number>(200).fill(10), 10];
    const last = run([account('A')], amounts.map((amount, i) => tx('A', i * MINUTE, { amountMinor: amount }))).at(-1);
    assert.equal(last?.amount_to_median, 1);
    // One fewer 10 and the 1,000 that is left moves nothing: still 10.
    const amounts2 = [...Array<number>(200).fill(1000), ...Array<number>(101).fill(10), 10];
    const last2 = run([account('B')], amounts2.map((amount, i) => tx('B', i * MINUTE, { amountMinor: amount }))).at(-1);
    assert.equal(last2?.amount_to_median, 1);
    const amounts3 = [...Array<number>(200).fill(1000), ...Array<number>(99).fill(10), 10];
    const last3 = run([account('C')], amounts3.map((amount, i) => tx('C', i * MINUTE, { amountMinor: amount }))).at(-1);
    assert.equal(last3?.amount_to_median, 10 / 1000);
  });
});

/** A seeded sequence of transactions in time order over few accounts, devices, IPs and cards, so that they collide. */
function randomSequence(seed: number, length: number): { accounts: FraudAccount[]; txs: FraudTransaction[] } {
  const rng = xoroshiro128plus(seed);
  const int = (low: number, high: number): number => uniformInt(rng, low, high);
  const accounts = Array.from({ length: 12 }, (_, i) =>
    account(`A${i}`, {
      openedAtMs: T0 - int(0, 100) * DAY,
      country: ['CN', 'HK', 'JP', null][int(0, 3)] ?? null,
      passwordChangedAtMs: int(0, 1) ? T0 + int(-10, 40) * DAY : null,
      phoneChangedAtMs: int(0, 1) ? T0 + int(-10, 40) * DAY : null,
    }),
  );
  const txs: FraudTransaction[] = [];
  let t = T0;
  for (let i = 0; i < length; i++) {
    // Steps from 0 (ties) to 2 days, with the window lengths themselves among them.
    t += [0, 1000, 59_000, 10 * MINUTE, HOUR, int(0, 3 * HOUR), DAY, 2 * DAY][int(0, 7)] ?? 0;
    const maybe = (prefix: string, n: number): string | null => (int(0, 5) === 0 ? null : `${prefix}${int(0, n)}`);
    txs.push({
      txId: `T${String(i).padStart(6, '0')}`,
      accountId: `A${int(0, 11)}`,
      tsMs: t,
      amountMinor: int(1, 5) * 10 ** int(2, 5),
      channel: maybe('ch', 3),
      merchantCategory: maybe('mc', 5),
      country: maybe('C', 3),
      deviceId: maybe('D', 15),
      ip: maybe('I', 15),
      cardId: maybe('K', 6),
    });
  }
  return { accounts, txs };
}

describe('past only (property)', () => {
  it('no feature of a transaction changes when later transactions are appended', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { accounts, txs } = randomSequence(seed, 600);
      const all = run(accounts, txs);
      for (const cut of [1, 37, 150, 401]) {
        const prefix = run(accounts, txs.slice(0, cut));
        assert.deepEqual(prefix, all.slice(0, cut), `seed ${seed}, first ${cut} transactions`);
      }
    }
  });

  it('the windows agree with a brute-force count over the whole past', () => {
    const { accounts, txs } = randomSequence(99, 1500);
    const vectors = run(accounts, txs);
    const windows = [['10m', 10 * MINUTE], ['1h', HOUR], ['24h', DAY], ['7d', 7 * DAY]] as const;
    const keys = { account: 'accountId', device: 'deviceId', ip: 'ip', card: 'cardId' } as const;
    txs.forEach((current, i) => {
      const vector = vectors[i];
      assert.ok(vector);
      for (const [entity, field] of Object.entries(keys) as [keyof typeof keys, (typeof keys)[keyof typeof keys]][]) {
        const key = current[field];
        for (const [suffix, ms] of windows) {
          const inside = key === null ? [] : txs.slice(0, i + 1).filter((t) => t[field] === key && t.tsMs > current.tsMs - ms);
          assert.equal(vector[`${entity}_count_${suffix}`], inside.length, `${current.txId} ${entity}_count_${suffix}`);
          assert.equal(vector[`${entity}_sum_${suffix}`], inside.reduce((sum, t) => sum + t.amountMinor, 0), `${current.txId} ${entity}_sum_${suffix}`);
        }
      }
    });
  });
});

describe('pinned outputs', () => {
  // A digest of every feature of long seeded sequences (more than 200 transactions per account, idle gaps past the
  // sweep, ties, window edges), taken before the feature pass was rewritten for speed: any change to any value of
  // any feature changes it.
  it('gives the same features as the reference pass on seeded sequences', () => {
    const digest = createHash('sha256');
    for (const seed of [3, 17]) {
      const { accounts, txs } = randomSequence(seed, 4000);
      // The sequence's amounts take few values (MADs of 0); spread them too, so the median and MAD vary.
      const spread = txs.map((t, i) => (i % 2 === 0 ? t : { ...t, amountMinor: t.amountMinor + ((i * 7919) % 1013) }));
      for (const vector of run(accounts, spread)) digest.update(JSON.stringify(vector));
    }
    assert.equal(digest.digest('hex'), '4160a3f39ee56e7ff0d15ec3db4d9490d24dc5125fb88fb25fbec9a0a976150c');
  });
});

// The streaming feature pass: transactions in time order in, one feature vector per transaction out, each computed
// from the transactions before it (and itself) only. Memory is bounded by the window state and by the entities
// seen, never by the number of transactions: see FeatureStream. The catalogue (feature-catalogue.ts) states what
// each feature means; the conventions below are this file's choices that the catalogue's descriptions rely on.
import { MS_PER_DAY } from '../calendar.ts';
import {
  AMOUNT_HISTORY_LENGTH,
  AMOUNT_MIN_HISTORY,
  NO_CHANGE_HOURS,
  VELOCITY_WINDOWS,
  type FeatureVector,
} from './feature-catalogue.ts';

/** What the feature pass reads of an account (times as UTC epoch milliseconds). */
export interface FraudAccount {
  readonly accountId: string;
  readonly openedAtMs: number;
  /** ISO 3166 alpha-2; sets the zone of hour_of_day. */
  readonly country: string | null;
  /** The account's latest phone and password changes (the table keeps only the latest), or null. */
  readonly phoneChangedAtMs: number | null;
  readonly passwordChangedAtMs: number | null;
}

/** What the feature pass reads of a transaction (tsMs: UTC epoch milliseconds). */
export interface FraudTransaction {
  readonly txId: string;
  readonly accountId: string;
  readonly tsMs: number;
  readonly amountMinor: number;
  readonly channel: string | null;
  readonly merchantCategory: string | null;
  readonly country: string | null;
  readonly deviceId: string | null;
  readonly ip: string | null;
  readonly cardId: string | null;
}

/** Where the stream finds a transaction's account (a Map will do; a worker may page them in). */
export interface AccountLookup {
  get(accountId: string): FraudAccount | undefined;
}

const HOUR_MS = 3_600_000;
const [WINDOW_0_MS, WINDOW_1_MS, WINDOW_2_MS, WINDOW_3_MS] = VELOCITY_WINDOWS.map((window) => window.ms) as [number, number, number, number];
const LONGEST_WINDOW_MS = WINDOW_3_MS;
/**
 * How often (stream time) the window state of entities idle for longer than the longest window is dropped: an idle
 * entity holds its last transactions for at most twice the longest window.
 */
const SWEEP_EVERY_MS = LONGEST_WINDOW_MS;

/**
 * Standard UTC offsets (minutes) of the countries the platform sees, for hour_of_day in the account's zone; daylight
 * saving is ignored (none of the Asian ones keep it). A country not listed, or none, reads as UTC.
 */
const UTC_OFFSET_MINUTES: ReadonlyMap<string, number> = new Map([
  ['CN', 480], ['HK', 480], ['MO', 480], ['TW', 480], ['SG', 480], ['MY', 480], ['PH', 480],
  ['JP', 540], ['KR', 540], ['TH', 420], ['VN', 420], ['KH', 420], ['ID', 420], ['LA', 420], ['MM', 390],
  ['IN', 330], ['AU', 600], ['NZ', 720], ['GB', 0], ['FR', 60], ['DE', 60], ['IT', 60], ['ES', 60], ['NL', 60],
  ['RU', 180], ['AE', 240], ['US', -300], ['CA', -300],
]);

/**
 * One entity's transactions over the longest window: (ts, amount) pairs in arrival order, interleaved in one array,
 * and for each window the index of its oldest transaction still inside and the running sum of the amounts inside.
 * Indices count transactions and are absolute (they keep counting as the front is dropped), so a window's count is
 * `end − head`. The four windows are spelled out as fields rather than looped over, and the entities' states extend
 * this class rather than point to it: this is the hottest code of the pass, and each object or array it reaches is
 * a likely cache miss on a large workspace.
 */
class WindowState {
  /** ts0, amount0, ts1, amount1, … */
  private data: number[] = [];
  /** The absolute index of the transaction at data[0]. */
  private offset = 0;
  private head0 = 0;
  private head1 = 0;
  private head2 = 0;
  private head3 = 0;
  sum0 = 0;
  sum1 = 0;
  sum2 = 0;
  sum3 = 0;
  /** The latest transaction's time; -Infinity while the window state is empty. */
  lastMs = -Infinity;

  /** Adds a transaction at tsMs and moves every window to (tsMs − window, tsMs]. */
  addToWindows(tsMs: number, amount: number): void {
    const data = this.data;
    const offset = this.offset;
    data.push(tsMs, amount);
    this.lastMs = tsMs;
    // Each loop stops at the latest transaction at the latest, whose time is after every cutoff.
    let at = 2 * (this.head0 - offset);
    let sum = this.sum0 + amount;
    let cutoff = tsMs - WINDOW_0_MS;
    while ((data[at] as number) <= cutoff) {
      sum -= data[at + 1] as number;
      at += 2;
    }
    this.head0 = at / 2 + offset;
    this.sum0 = sum;
    at = 2 * (this.head1 - offset);
    sum = this.sum1 + amount;
    cutoff = tsMs - WINDOW_1_MS;
    while ((data[at] as number) <= cutoff) {
      sum -= data[at + 1] as number;
      at += 2;
    }
    this.head1 = at / 2 + offset;
    this.sum1 = sum;
    at = 2 * (this.head2 - offset);
    sum = this.sum2 + amount;
    cutoff = tsMs - WINDOW_2_MS;
    while ((data[at] as number) <= cutoff) {
      sum -= data[at + 1] as number;
      at += 2;
    }
    this.head2 = at / 2 + offset;
    this.sum2 = sum;
    at = 2 * (this.head3 - offset);
    sum = this.sum3 + amount;
    cutoff = tsMs - WINDOW_3_MS;
    while ((data[at] as number) <= cutoff) {
      sum -= data[at + 1] as number;
      at += 2;
    }
    this.head3 = at / 2 + offset;
    this.sum3 = sum;
    // The longest window's head is the oldest one any window needs: drop what lies before it, now and then.
    if (at >= 64 && at * 2 >= data.length) {
      this.data = data.slice(at);
      this.offset = offset + at / 2;
    }
  }

  /** Forgets every transaction: all of them are out of every window (see FeatureStream.sweep). */
  clearWindows(): void {
    this.data = [];
    this.offset = this.head0 = this.head1 = this.head2 = this.head3 = 0;
    this.sum0 = this.sum1 = this.sum2 = this.sum3 = 0;
    this.lastMs = -Infinity;
  }

  get count0(): number {
    return this.offset + this.data.length / 2 - this.head0;
  }
  get count1(): number {
    return this.offset + this.data.length / 2 - this.head1;
  }
  get count2(): number {
    return this.offset + this.data.length / 2 - this.head2;
  }
  get count3(): number {
    return this.offset + this.data.length / 2 - this.head3;
  }
}

/** A device, IP or card: its velocity windows, and for a device or IP its distinct accounts and ring node. */
class EntityState extends WindowState {
  accounts = 0;
  readonly node: number;

  constructor(node: number) {
    super();
    this.node = node;
  }
}

/** An account's latest amounts (for the median and MAD) and the devices, IPs and countries it has used. */
class AccountState extends WindowState {
  readonly account: FraudAccount;
  /** The account country's UTC offset, for hour_of_day. */
  readonly offsetMs: number;
  readonly node: number;
  /** The last AMOUNT_HISTORY_LENGTH amounts in arrival order (a ring once full) and the same amounts sorted. */
  private readonly recent: number[] = [];
  private next = 0;
  private readonly sorted: number[] = [];
  readonly devices = new Set<string>();
  readonly ips = new Set<string>();
  readonly countries = new Set<string>();

  constructor(account: FraudAccount, node: number) {
    super();
    this.account = account;
    this.offsetMs = (UTC_OFFSET_MINUTES.get(account.country ?? '') ?? 0) * 60_000;
    this.node = node;
  }

  /** amount_to_median and amount_robust_z of the last amountStatistics call. */
  ratio = 1;
  z = 0;

  /** Sets ratio and z for `amount` against the amounts added so far. */
  amountStatistics(amount: number): void {
    const sorted = this.sorted;
    const n = sorted.length;
    if (n < AMOUNT_MIN_HISTORY) {
      this.ratio = 1;
      this.z = 0;
      return;
    }
    const half = n >> 1;
    // Around the median: `low` is the last index at or below it, `high` the first at or above it.
    const low = n % 2 === 1 ? half : half - 1;
    const high = half;
    const median = ((sorted[low] as number) + (sorted[high] as number)) / 2;
    const mad = medianAbsoluteDeviation(sorted, median, low);
    let scale = 1.4826 * mad;
    if (scale === 0) {
      // More than half the amounts equal the median: the mean absolute deviation (× √(π/2), its consistency factor
      // for a normal), and 1 minor unit if every amount is the same.
      let total = 0;
      for (const value of sorted) total += Math.abs(value - median);
      scale = 1.253314 * (total / n) || 1;
    }
    this.ratio = amount / Math.max(median, 1);
    this.z = (amount - median) / scale;
  }

  addAmount(amount: number): void {
    const { recent, sorted } = this;
    if (recent.length < AMOUNT_HISTORY_LENGTH) {
      recent.push(amount);
    } else {
      const oldest = recent[this.next] as number;
      sorted.splice(lowerBound(sorted, oldest), 1);
      recent[this.next] = amount;
      this.next = (this.next + 1) % AMOUNT_HISTORY_LENGTH;
    }
    sorted.splice(lowerBound(sorted, amount), 0, amount);
  }
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The median of |x − median| over a sorted array: the deviations below the median (walking down from `low`) and
 * above it (walking up from low + 1) are each ascending, so merging them from the median outwards reaches the
 * middle rank in n/2 steps, without sorting the deviations.
 */
function medianAbsoluteDeviation(sorted: readonly number[], median: number, low: number): number {
  const n = sorted.length;
  let down = low;
  let up = low + 1;
  // Ranks (n − 1) / 2 for odd n; n / 2 − 1 and n / 2 for even n.
  const target = (n - 1) >> 1;
  let previous = 0;
  for (let rank = 0; ; rank++) {
    const below = down >= 0 ? median - (sorted[down] as number) : Infinity;
    const above = up < n ? (sorted[up] as number) - median : Infinity;
    let deviation: number;
    if (below <= above) {
      deviation = below;
      down--;
    } else {
      deviation = above;
      up++;
    }
    if (rank === target) {
      if (n % 2 === 1) return deviation;
      previous = deviation;
    } else if (rank > target) {
      return (previous + deviation) / 2;
    }
  }
}

/**
 * Union-find over accounts, devices and IPs (union by size, path halving), counting the accounts in each
 * component: ring_size is the account count of the transaction's account's component. Each entity keeps its node.
 */
class Rings {
  private readonly parent: number[] = [];
  private readonly accounts: number[] = [];
  private readonly size: number[] = [];
  /** Per root, its component's first account node (accounts get nodes in stream order); NO_ACCOUNT if none. */
  private readonly firstAccount: number[] = [];

  /** A new node of its own component: an account (counted in ring_size) or a device or IP. */
  add(isAccount: boolean): number {
    const id = this.parent.length;
    this.parent.push(id);
    this.size.push(1);
    this.accounts.push(isAccount ? 1 : 0);
    this.firstAccount.push(isAccount ? id : NO_ACCOUNT);
    return id;
  }

  find(node: number): number {
    const parent = this.parent;
    let x = node;
    while (parent[x] !== x) {
      const grandparent = parent[parent[x] as number] as number;
      parent[x] = grandparent;
      x = grandparent;
    }
    return x;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if ((this.size[rootA] as number) < (this.size[rootB] as number)) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = (this.size[rootA] as number) + (this.size[rootB] as number);
    this.accounts[rootA] = (this.accounts[rootA] as number) + (this.accounts[rootB] as number);
    this.firstAccount[rootA] = Math.min(this.firstAccount[rootA] as number, this.firstAccount[rootB] as number);
  }

  accountsWith(node: number): number {
    return this.accounts[this.find(node)] as number;
  }

  /** The first account node of the node's component. */
  firstAccountWith(node: number): number {
    return this.firstAccount[this.find(node)] as number;
  }
}

const NO_ACCOUNT = Number.MAX_SAFE_INTEGER;

function isoText(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}

/**
 * Feed transactions in time order (ts ascending, ties at the same ts by tx_id ascending, as `ORDER BY ts, tx_id`
 * gives them); `next` returns each one's feature vector, computed from what was fed before it and from itself. An
 * earlier ts than the last one fed, or a tie not in tx_id order, throws a RangeError naming the tx_id and both times:
 * the caller sorts, the stream never reorders.
 *
 * Memory: per device, IP, card and account the transactions of the last 7 days (the longest window; an entity idle
 * for longer loses its window state at the next sweep, one every 7 days of stream time); per account its last AMOUNT_HISTORY_LENGTH amounts
 * and the devices, IPs and countries it used; per device and IP a count of accounts; the union-find over accounts,
 * devices and IPs. The last three grow with the entities seen ("so far"), not with the transactions.
 */
export class FeatureStream {
  private readonly accountsById: AccountLookup;
  private readonly accountStates = new Map<string, AccountState>();
  private readonly devices = new Map<string, EntityState>();
  private readonly ips = new Map<string, EntityState>();
  private readonly cards = new Map<string, EntityState>();
  private readonly rings = new Rings();
  /** The account id of each account's ring node, to name a ring by its first account. */
  private readonly accountOfNode = new Map<number, string>();
  private lastMs = -Infinity;
  private lastTxId = '';
  private nextSweepMs = -Infinity;

  constructor(accounts: AccountLookup) {
    this.accountsById = accounts;
  }

  next(tx: FraudTransaction): FeatureVector {
    const t = tx.tsMs;
    if (!Number.isFinite(t)) throw new RangeError(`transaction ${tx.txId}: ts is not a time (${String(t)})`);
    if (t < this.lastMs || (t === this.lastMs && tx.txId <= this.lastTxId)) {
      const what = t < this.lastMs ? 'is earlier than' : `ties with, but does not follow by tx_id,`;
      throw new RangeError(
        `transaction ${tx.txId} out of order: its ts ${isoText(t)} ${what} the last one fed (${this.lastTxId} at ${isoText(this.lastMs)}); feed transactions by ts, then tx_id`,
      );
    }
    let state = this.accountStates.get(tx.accountId);
    if (!state) {
      const account = this.accountsById.get(tx.accountId);
      if (!account) throw new RangeError(`transaction ${tx.txId}: unknown account ${tx.accountId}`);
      state = new AccountState(account, this.rings.add(true));
      this.accountStates.set(tx.accountId, state);
      this.accountOfNode.set(state.node, tx.accountId);
    }
    const account = state.account;
    this.lastMs = t;
    this.lastTxId = tx.txId;
    if (t >= this.nextSweepMs) this.sweep(t);

    const amount = tx.amountMinor;
    const rings = this.rings;
    state.addToWindows(t, amount);
    state.amountStatistics(amount);
    const ratio = state.ratio;
    const z = state.z;
    state.addAmount(amount);

    let device: EntityState | null = null;
    let firstDevice = false;
    let deviceAccounts = 0;
    if (tx.deviceId !== null) {
      const entity = this.entity(this.devices, tx.deviceId, true);
      entity.addToWindows(t, amount);
      device = entity;
      firstDevice = !state.devices.has(tx.deviceId);
      if (firstDevice) {
        state.devices.add(tx.deviceId);
        entity.accounts++;
        rings.union(state.node, entity.node);
      }
      deviceAccounts = entity.accounts;
    }
    let ip: EntityState | null = null;
    let firstIp = false;
    let ipAccounts = 0;
    if (tx.ip !== null) {
      const entity = this.entity(this.ips, tx.ip, true);
      entity.addToWindows(t, amount);
      ip = entity;
      firstIp = !state.ips.has(tx.ip);
      if (firstIp) {
        state.ips.add(tx.ip);
        entity.accounts++;
        rings.union(state.node, entity.node);
      }
      ipAccounts = entity.accounts;
    }
    const card = tx.cardId === null ? null : this.entity(this.cards, tx.cardId, false);
    card?.addToWindows(t, amount);
    let firstCountry = false;
    if (tx.country !== null && !state.countries.has(tx.country)) {
      firstCountry = true;
      state.countries.add(tx.country);
    }

    const localMs = t + state.offsetMs;
    const hourOfDay = Math.floor((((localMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / HOUR_MS);

    return {
      account_count_10m: state.count0,
      account_sum_10m: state.sum0,
      account_count_1h: state.count1,
      account_sum_1h: state.sum1,
      account_count_24h: state.count2,
      account_sum_24h: state.sum2,
      account_count_7d: state.count3,
      account_sum_7d: state.sum3,
      device_count_10m: device ? device.count0 : 0,
      device_sum_10m: device ? device.sum0 : 0,
      device_count_1h: device ? device.count1 : 0,
      device_sum_1h: device ? device.sum1 : 0,
      device_count_24h: device ? device.count2 : 0,
      device_sum_24h: device ? device.sum2 : 0,
      device_count_7d: device ? device.count3 : 0,
      device_sum_7d: device ? device.sum3 : 0,
      ip_count_10m: ip ? ip.count0 : 0,
      ip_sum_10m: ip ? ip.sum0 : 0,
      ip_count_1h: ip ? ip.count1 : 0,
      ip_sum_1h: ip ? ip.sum1 : 0,
      ip_count_24h: ip ? ip.count2 : 0,
      ip_sum_24h: ip ? ip.sum2 : 0,
      ip_count_7d: ip ? ip.count3 : 0,
      ip_sum_7d: ip ? ip.sum3 : 0,
      card_count_10m: card ? card.count0 : 0,
      card_sum_10m: card ? card.sum0 : 0,
      card_count_1h: card ? card.count1 : 0,
      card_sum_1h: card ? card.sum1 : 0,
      card_count_24h: card ? card.count2 : 0,
      card_sum_24h: card ? card.sum2 : 0,
      card_count_7d: card ? card.count3 : 0,
      card_sum_7d: card ? card.sum3 : 0,
      amount,
      amount_to_median: ratio,
      amount_robust_z: z,
      first_use_device: firstDevice,
      first_use_ip: firstIp,
      first_use_country: firstCountry,
      device_distinct_accounts: deviceAccounts,
      ip_distinct_accounts: ipAccounts,
      ring_size: rings.accountsWith(state.node),
      hour_of_day: hourOfDay,
      account_age_days: (t - account.openedAtMs) / MS_PER_DAY,
      hours_since_password_change: hoursSince(account.passwordChangedAtMs, t),
      hours_since_phone_change: hoursSince(account.phoneChangedAtMs, t),
      merchant_category: tx.merchantCategory ?? '',
      channel: tx.channel ?? '',
    };
  }

  /**
   * The ring the account is in as of the last transaction fed, named by its first account in stream order (a stable
   * name: later merges keep the older ring's first account), or null when the account is alone in its component or
   * has not been seen. Cases group a ring's alerts by this name.
   */
  ringOf(accountId: string): string | null {
    const state = this.accountStates.get(accountId);
    if (!state || this.rings.accountsWith(state.node) < 2) return null;
    return this.accountOfNode.get(this.rings.firstAccountWith(state.node)) ?? null;
  }

  /** A device's, IP's or card's state (cards have no ring node: they join nothing). */
  private entity(states: Map<string, EntityState>, key: string, inRings: boolean): EntityState {
    let state = states.get(key);
    if (!state) {
      state = new EntityState(inRings ? this.rings.add(false) : -1);
      states.set(key, state);
    }
    return state;
  }

  /** Drops the window state of entities with no transaction in the longest window (their counts would all be 0). */
  private sweep(t: number): void {
    const cutoff = t - LONGEST_WINDOW_MS;
    for (const states of [this.accountStates, this.devices, this.ips]) {
      for (const state of states.values()) if (state.lastMs <= cutoff && state.lastMs !== -Infinity) state.clearWindows();
    }
    // A card keeps nothing but its windows.
    for (const [key, state] of this.cards) if (state.lastMs <= cutoff) this.cards.delete(key);
    this.nextSweepMs = t + SWEEP_EVERY_MS;
  }
}

/**
 * Hours from a change to the transaction; NO_CHANGE_HOURS when there was none, or when the recorded change is later
 * than the transaction (the workspace keeps only the latest change, which the transaction could not have known).
 */
function hoursSince(changedAtMs: number | null, t: number): number {
  if (changedAtMs === null || changedAtMs > t) return NO_CHANGE_HOURS;
  return (t - changedAtMs) / HOUR_MS;
}

// The streaming feature pass: transactions in time order in, one feature vector per transaction out, each computed
// from the transactions before it (and itself) only. Memory is bounded by the window state and by the entities
// seen, never by the number of transactions: see FeatureStream. The catalogue (feature-catalogue.ts) states what
// each feature means; the conventions below are this file's choices that the catalogue's descriptions rely on.
import { MS_PER_DAY } from '../calendar.ts';
import { NO_CHANGE_HOURS, VELOCITY_WINDOWS, type FeatureVector } from './feature-catalogue.ts';
import { AmountHistory, PairSet, Rings, WindowTable } from './feature-state.ts';

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
const LONGEST_WINDOW_MS = VELOCITY_WINDOWS[VELOCITY_WINDOWS.length - 1]!.ms;
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

function isoText(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}

/**
 * What the stream keeps of an account beyond its slots in the typed arrays, with the device, IP, card and country of
 * its last transaction (the id as given and as interned): most transactions repeat them, and then neither the id's
 * Map lookup nor the first-use probe is needed (each a likely cache miss) — an equal id is the same entity, and this
 * account has used it.
 */
interface AccountEntry {
  readonly account: FraudAccount;
  /** The account country's UTC offset, for hour_of_day. */
  readonly offsetMs: number;
  readonly node: number;
  readonly amounts: AmountHistory;
  lastDeviceId: string | null;
  lastDevice: number;
  lastIp: string | null;
  lastIpId: number;
  lastCardId: string | null;
  lastCard: number;
  lastCountry: string | null;
}

/**
 * Feed transactions in time order (ts ascending, ties at the same ts by tx_id ascending, as `ORDER BY ts, tx_id`
 * gives them); `next` returns each one's feature vector, computed from what was fed before it and from itself. An
 * earlier ts than the last one fed, or a tie not in tx_id order, throws a RangeError naming the tx_id and both times:
 * the caller sorts, the stream never reorders.
 *
 * Every account, device, IP, card and country id is interned once to a small integer (its index in the typed arrays
 * of feature-state.ts): a transaction costs one Map lookup per id it carries, and the rest is array arithmetic.
 *
 * Memory: per device, IP, card and account the transactions of the last 7 days (the longest window; an entity idle
 * for longer loses its window state at the next sweep, one every 7 days of stream time); per account its last
 * AMOUNT_HISTORY_LENGTH amounts and the devices, IPs and countries it used; per device and IP a count of accounts;
 * the union-find over accounts, devices and IPs; the interned ids. All but the first grow with the entities seen
 * ("so far"), not with the transactions.
 */
export class FeatureStream {
  private readonly accountsById: AccountLookup;
  private readonly accountIds = new Map<string, number>();
  private readonly accounts: AccountEntry[] = [];
  private readonly accountWindows = new WindowTable();
  private readonly deviceIds = new Map<string, number>();
  private readonly deviceWindows = new WindowTable();
  private readonly ipIds = new Map<string, number>();
  private readonly ipWindows = new WindowTable();
  private readonly cardIds = new Map<string, number>();
  private readonly cardWindows = new WindowTable();
  private readonly countryIds = new Map<string, number>();
  /** Per device and per IP: its ring node and its distinct accounts (index: the interned id). */
  private readonly deviceNodes: number[] = [];
  private readonly deviceAccounts: number[] = [];
  private readonly ipNodes: number[] = [];
  private readonly ipAccounts: number[] = [];
  /** (account, device), (account, IP) and (account, country) pairs seen, for the first-use flags. */
  private readonly accountDevices = new PairSet();
  private readonly accountIps = new PairSet();
  private readonly accountCountries = new PairSet();
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
    let a = this.accountIds.get(tx.accountId);
    if (a === undefined) a = this.addAccount(tx);
    const entry = this.accounts[a]!;
    const account = entry.account;
    this.lastMs = t;
    this.lastTxId = tx.txId;
    if (t >= this.nextSweepMs) this.sweep(t);

    const amount = tx.amountMinor;
    const rings = this.rings;
    const accountWindows = this.accountWindows;
    accountWindows.add(a, t, amount);
    const amounts = entry.amounts;
    amounts.statistics(amount);
    const ratio = amounts.ratio;
    const z = amounts.z;
    amounts.add(amount);

    let device = -1;
    let firstDevice = false;
    let deviceAccounts = 0;
    if (tx.deviceId !== null) {
      if (tx.deviceId === entry.lastDeviceId) {
        device = entry.lastDevice;
      } else {
        device = this.deviceIds.get(tx.deviceId) ?? this.addDevice(tx.deviceId);
        firstDevice = this.accountDevices.add(a, device);
        if (firstDevice) {
          this.deviceAccounts[device]!++;
          rings.union(entry.node, this.deviceNodes[device]!);
        }
        entry.lastDeviceId = tx.deviceId;
        entry.lastDevice = device;
      }
      this.deviceWindows.add(device, t, amount);
      deviceAccounts = this.deviceAccounts[device]!;
    }
    let ip = -1;
    let firstIp = false;
    let ipAccounts = 0;
    if (tx.ip !== null) {
      if (tx.ip === entry.lastIp) {
        ip = entry.lastIpId;
      } else {
        ip = this.ipIds.get(tx.ip) ?? this.addIp(tx.ip);
        firstIp = this.accountIps.add(a, ip);
        if (firstIp) {
          this.ipAccounts[ip]!++;
          rings.union(entry.node, this.ipNodes[ip]!);
        }
        entry.lastIp = tx.ip;
        entry.lastIpId = ip;
      }
      this.ipWindows.add(ip, t, amount);
      ipAccounts = this.ipAccounts[ip]!;
    }
    let card = -1;
    if (tx.cardId !== null) {
      if (tx.cardId === entry.lastCardId) {
        card = entry.lastCard;
      } else {
        card = this.cardIds.get(tx.cardId) ?? this.addCard(tx.cardId);
        entry.lastCardId = tx.cardId;
        entry.lastCard = card;
      }
      this.cardWindows.add(card, t, amount);
    }
    let firstCountry = false;
    if (tx.country !== null && tx.country !== entry.lastCountry) {
      entry.lastCountry = tx.country;
      let country = this.countryIds.get(tx.country);
      if (country === undefined) this.countryIds.set(tx.country, (country = this.countryIds.size));
      firstCountry = this.accountCountries.add(a, country);
    }

    const localMs = t + entry.offsetMs;
    const hourOfDay = Math.floor((((localMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / HOUR_MS);
    const devices = this.deviceWindows;
    const ips = this.ipWindows;
    const cards = this.cardWindows;

    return {
      account_count_10m: accountWindows.count(a, 0),
      account_sum_10m: accountWindows.sum(a, 0),
      account_count_1h: accountWindows.count(a, 1),
      account_sum_1h: accountWindows.sum(a, 1),
      account_count_24h: accountWindows.count(a, 2),
      account_sum_24h: accountWindows.sum(a, 2),
      account_count_7d: accountWindows.count(a, 3),
      account_sum_7d: accountWindows.sum(a, 3),
      device_count_10m: device === -1 ? 0 : devices.count(device, 0),
      device_sum_10m: device === -1 ? 0 : devices.sum(device, 0),
      device_count_1h: device === -1 ? 0 : devices.count(device, 1),
      device_sum_1h: device === -1 ? 0 : devices.sum(device, 1),
      device_count_24h: device === -1 ? 0 : devices.count(device, 2),
      device_sum_24h: device === -1 ? 0 : devices.sum(device, 2),
      device_count_7d: device === -1 ? 0 : devices.count(device, 3),
      device_sum_7d: device === -1 ? 0 : devices.sum(device, 3),
      ip_count_10m: ip === -1 ? 0 : ips.count(ip, 0),
      ip_sum_10m: ip === -1 ? 0 : ips.sum(ip, 0),
      ip_count_1h: ip === -1 ? 0 : ips.count(ip, 1),
      ip_sum_1h: ip === -1 ? 0 : ips.sum(ip, 1),
      ip_count_24h: ip === -1 ? 0 : ips.count(ip, 2),
      ip_sum_24h: ip === -1 ? 0 : ips.sum(ip, 2),
      ip_count_7d: ip === -1 ? 0 : ips.count(ip, 3),
      ip_sum_7d: ip === -1 ? 0 : ips.sum(ip, 3),
      card_count_10m: card === -1 ? 0 : cards.count(card, 0),
      card_sum_10m: card === -1 ? 0 : cards.sum(card, 0),
      card_count_1h: card === -1 ? 0 : cards.count(card, 1),
      card_sum_1h: card === -1 ? 0 : cards.sum(card, 1),
      card_count_24h: card === -1 ? 0 : cards.count(card, 2),
      card_sum_24h: card === -1 ? 0 : cards.sum(card, 2),
      card_count_7d: card === -1 ? 0 : cards.count(card, 3),
      card_sum_7d: card === -1 ? 0 : cards.sum(card, 3),
      amount,
      amount_to_median: ratio,
      amount_robust_z: z,
      first_use_device: firstDevice,
      first_use_ip: firstIp,
      first_use_country: firstCountry,
      device_distinct_accounts: deviceAccounts,
      ip_distinct_accounts: ipAccounts,
      ring_size: rings.accountsWith(entry.node),
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
    const a = this.accountIds.get(accountId);
    if (a === undefined) return null;
    const { node } = this.accounts[a]!;
    if (this.rings.accountsWith(node) < 2) return null;
    return this.accountOfNode.get(this.rings.firstAccountWith(node)) ?? null;
  }

  private addAccount(tx: FraudTransaction): number {
    const account = this.accountsById.get(tx.accountId);
    if (!account) throw new RangeError(`transaction ${tx.txId}: unknown account ${tx.accountId}`);
    const id = this.accountWindows.addSlot();
    const offsetMs = (UTC_OFFSET_MINUTES.get(account.country ?? '') ?? 0) * 60_000;
    const node = this.rings.add(true);
    this.accountOfNode.set(node, tx.accountId);
    this.accounts.push({
      account, offsetMs, node, amounts: new AmountHistory(),
      lastDeviceId: null, lastDevice: -1, lastIp: null, lastIpId: -1, lastCardId: null, lastCard: -1, lastCountry: null,
    });
    this.accountIds.set(tx.accountId, id);
    return id;
  }

  private addDevice(deviceId: string): number {
    const id = this.deviceWindows.addSlot();
    this.deviceNodes.push(this.rings.add(false));
    this.deviceAccounts.push(0);
    this.deviceIds.set(deviceId, id);
    return id;
  }

  private addIp(ip: string): number {
    const id = this.ipWindows.addSlot();
    this.ipNodes.push(this.rings.add(false));
    this.ipAccounts.push(0);
    this.ipIds.set(ip, id);
    return id;
  }

  /** Cards have no ring node: they join nothing. */
  private addCard(cardId: string): number {
    const id = this.cardWindows.addSlot();
    this.cardIds.set(cardId, id);
    return id;
  }

  /** Empties the windows of entities with no transaction in the longest window (their counts would all be 0). */
  private sweep(t: number): void {
    const cutoff = t - LONGEST_WINDOW_MS;
    for (const windows of [this.accountWindows, this.deviceWindows, this.ipWindows, this.cardWindows]) windows.clearIdle(cutoff);
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

// The feature pass's state, kept in typed arrays indexed by small integers (features.ts interns every account,
// device, IP, card and country id once): a workspace has hundreds of thousands of entities, and one JS object, Set
// or array per entity made the garbage collector trace and move them all, again and again, as they aged (17% of
// the bench's pass in a profile, 40% with fresh ids on every transaction), and every lookup a pointer chase. Typed
// arrays are neither traced nor pointers. (An account keeps one small object and its amount history array.)
import { AMOUNT_HISTORY_LENGTH, AMOUNT_MIN_HISTORY, VELOCITY_WINDOWS } from './feature-catalogue.ts';

const WINDOW_MS = VELOCITY_WINDOWS.map((window) => window.ms);
const WINDOWS = WINDOW_MS.length;
const LONGEST = WINDOWS - 1;

type Float64s = Float64Array<ArrayBuffer>;
type Int32s = Int32Array<ArrayBuffer>;

/** The array itself if it has room for `length` elements, else a copy at least twice as long, the rest at `fill`. */
function grownFloat64(array: Float64s, length: number, fill = 0): Float64s {
  if (length <= array.length) return array;
  const grown = new Float64Array(Math.max(length, array.length * 2)).fill(fill);
  grown.set(array);
  return grown;
}

function grownInt32(array: Int32s, length: number, fill = 0): Int32s {
  if (length <= array.length) return array;
  const grown = new Int32Array(Math.max(length, array.length * 2)).fill(fill);
  grown.set(array);
  return grown;
}

/** A slot's record in WindowTable: 10 float64s (80 bytes), its doubles then, in the same bytes, its int32s. */
const RECORD = 10;
const LAST_MS = 0;
const SUM = 1;
/** Int32 indices within the record (two per float64). */
const TAIL = 10;
const HEAD = 11;
const COUNT = HEAD + WINDOWS;
/** A node of the pool: ts, amount, next node (-1: none), unused; 32 bytes, so one cache line. */
const NODE = 4;

/**
 * The sliding windows of one kind of entity. Each entity (a slot) keeps its transactions of the longest window as a
 * linked list of nodes from a shared pool, oldest first, and for each window the node of its oldest transaction
 * still inside, its count and its running sum. A node leaves the pool's free list when a transaction arrives and
 * returns to it when the transaction leaves the longest window (the windows are nested, so no shorter window still
 * points at it). The sums add the new amount, then subtract the leaving ones oldest first: the same operations in
 * the same order as always, so the same floating-point results.
 *
 * Memory latency is the cost here (the entities of a workspace do not fit in the caches, and transactions visit
 * them at random), so a slot's state is one 80-byte record, doubles and ints over the same buffer, and a node is
 * one aligned 32-byte cell: a transaction touches two cache lines per entity, and one per node it walks.
 */
export class WindowTable {
  private slots = 0;
  private records = new Float64Array(RECORD * 256);
  private ints = new Int32Array(this.records.buffer);
  /** The node pool; `free` heads the free list, threaded through the next fields, and `used` is its high mark. */
  private nodes = new Float64Array(NODE * 1024);
  private free = -1;
  private used = 0;

  /** A new slot, with empty windows. */
  addSlot(): number {
    const slot = this.slots++;
    if (RECORD * this.slots > this.records.length) {
      this.records = grownFloat64(this.records, RECORD * this.slots);
      this.ints = new Int32Array(this.records.buffer);
    }
    this.empty(slot);
    return slot;
  }

  count(slot: number, window: number): number {
    return this.ints[2 * RECORD * slot + COUNT + window]!;
  }

  sum(slot: number, window: number): number {
    return this.records[RECORD * slot + SUM + window]!;
  }

  /** Adds a transaction at tsMs and moves every window of the slot to (tsMs − window, tsMs]. */
  add(slot: number, tsMs: number, amount: number): void {
    const node = this.allocate();
    const { nodes, records, ints } = this;
    nodes[NODE * node] = tsMs;
    nodes[NODE * node + 1] = amount;
    nodes[NODE * node + 2] = -1;
    const record = RECORD * slot;
    const int = 2 * record;
    const tail = ints[int + TAIL]!;
    if (tail === -1) ints.fill(node, int + HEAD, int + HEAD + WINDOWS);
    else nodes[NODE * tail + 2] = node;
    ints[int + TAIL] = node;
    records[record + LAST_MS] = tsMs;
    for (let window = 0; window < WINDOWS; window++) {
      const cutoff = tsMs - WINDOW_MS[window]!;
      // Stops at the new node at the latest: its time is after every cutoff.
      let oldest = ints[int + HEAD + window]!;
      let sum = records[record + SUM + window]! + amount;
      let count = ints[int + COUNT + window]! + 1;
      while (nodes[NODE * oldest]! <= cutoff) {
        sum -= nodes[NODE * oldest + 1]!;
        count--;
        const after = nodes[NODE * oldest + 2]!;
        if (window === LONGEST) this.release(oldest);
        oldest = after;
      }
      ints[int + HEAD + window] = oldest;
      records[record + SUM + window] = sum;
      ints[int + COUNT + window] = count;
    }
  }

  /** Empties the windows of every slot whose latest transaction is at or before cutoff (out of every window). */
  clearIdle(cutoff: number): void {
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.records[RECORD * slot + LAST_MS]! <= cutoff && this.ints[2 * RECORD * slot + TAIL] !== -1) this.clear(slot);
    }
  }

  private clear(slot: number): void {
    for (let node = this.ints[2 * RECORD * slot + HEAD + LONGEST]!; node !== -1; ) {
      const after = this.nodes[NODE * node + 2]!;
      this.release(node);
      node = after;
    }
    this.empty(slot);
  }

  /** Sets the slot's record to no transaction (its nodes, if any, already released). */
  private empty(slot: number): void {
    const record = RECORD * slot;
    const int = 2 * record;
    this.records[record + LAST_MS] = -Infinity;
    this.records.fill(0, record + SUM, record + SUM + WINDOWS);
    this.ints[int + TAIL] = -1;
    this.ints.fill(-1, int + HEAD, int + HEAD + WINDOWS);
    this.ints.fill(0, int + COUNT, int + COUNT + WINDOWS);
  }

  private allocate(): number {
    const node = this.free;
    if (node !== -1) {
      this.free = this.nodes[NODE * node + 2]!;
      return node;
    }
    this.nodes = grownFloat64(this.nodes, NODE * (this.used + 1));
    return this.used++;
  }

  private release(node: number): void {
    this.nodes[NODE * node + 2] = this.free;
    this.free = node;
  }
}

/**
 * A set of (a, b) pairs of small non-negative integers (an account and a device it used): open addressing with
 * linear probing, at most half full.
 */
export class PairSet {
  private keysA = new Int32Array(1024).fill(-1);
  private keysB = new Int32Array(1024);
  private size = 0;

  /** Adds the pair; true if it was not in the set yet. */
  add(a: number, b: number): boolean {
    if (2 * (this.size + 1) > this.keysA.length) this.rehash();
    const { keysA, keysB } = this;
    const mask = keysA.length - 1;
    for (let at = mix(a, b) & mask; ; at = (at + 1) & mask) {
      const key = keysA[at]!;
      if (key === -1) {
        keysA[at] = a;
        keysB[at] = b;
        this.size++;
        return true;
      }
      if (key === a && keysB[at] === b) return false;
    }
  }

  private rehash(): void {
    const { keysA, keysB } = this;
    this.keysA = new Int32Array(keysA.length * 2).fill(-1);
    this.keysB = new Int32Array(keysA.length * 2);
    this.size = 0;
    for (let at = 0; at < keysA.length; at++) if (keysA[at] !== -1) this.add(keysA[at]!, keysB[at]!);
  }
}

function mix(a: number, b: number): number {
  let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}

/**
 * Union-find over accounts, devices and IPs (union by size, path halving), counting the accounts in each
 * component: ring_size is the account count of the transaction's account's component.
 */
/** No account in the component (a device or IP seen alone): above every node id. */
const NO_ACCOUNT = 0x7fffffff;

export class Rings {
  private nodes = 0;
  private parent = new Int32Array(1024);
  private size = new Int32Array(1024);
  private accounts = new Int32Array(1024);
  /** Per root, its component's first account node (accounts get nodes in stream order); NO_ACCOUNT if none. */
  private firstAccount = new Int32Array(1024);

  /** A new node of its own component: an account (counted in ring_size) or a device or IP. */
  add(isAccount: boolean): number {
    const node = this.nodes++;
    this.parent = grownInt32(this.parent, this.nodes);
    this.size = grownInt32(this.size, this.nodes);
    this.accounts = grownInt32(this.accounts, this.nodes);
    this.firstAccount = grownInt32(this.firstAccount, this.nodes);
    this.parent[node] = node;
    this.size[node] = 1;
    this.accounts[node] = isAccount ? 1 : 0;
    this.firstAccount[node] = isAccount ? node : NO_ACCOUNT;
    return node;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = this.size[rootA]! + this.size[rootB]!;
    this.accounts[rootA] = this.accounts[rootA]! + this.accounts[rootB]!;
    this.firstAccount[rootA] = Math.min(this.firstAccount[rootA]!, this.firstAccount[rootB]!);
  }

  accountsWith(node: number): number {
    return this.accounts[this.find(node)]!;
  }

  /** The first account node of the node's component. */
  firstAccountWith(node: number): number {
    return this.firstAccount[this.find(node)]!;
  }

  private find(node: number): number {
    const parent = this.parent;
    let x = node;
    while (parent[x] !== x) {
      const grandparent = parent[parent[x]!]!;
      parent[x] = grandparent;
      x = grandparent;
    }
    return x;
  }
}

/**
 * An account's last AMOUNT_HISTORY_LENGTH amounts, for the median and MAD: one Float64Array per account holding the
 * amounts sorted (first half) and in arrival order (second half, a ring once full), its capacity doubling up to
 * AMOUNT_HISTORY_LENGTH so that an account with few transactions holds little.
 */
export class AmountHistory {
  private values = new Float64Array(16);
  private length = 0;
  private next = 0;
  /** amount_to_median and amount_robust_z of the last statistics call. */
  ratio = 1;
  z = 0;

  /** Sets ratio and z for `amount` against the amounts added so far. */
  statistics(amount: number): void {
    const sorted = this.values;
    const n = this.length;
    if (n < AMOUNT_MIN_HISTORY) {
      this.ratio = 1;
      this.z = 0;
      return;
    }
    const half = n >> 1;
    // Around the median: `low` is the last index at or below it, `high` the first at or above it.
    const low = n % 2 === 1 ? half : half - 1;
    const median = (sorted[low]! + sorted[half]!) / 2;
    let scale = 1.4826 * medianAbsoluteDeviation(sorted, n, median, low);
    if (scale === 0) {
      // More than half the amounts equal the median: the mean absolute deviation (× √(π/2), its consistency factor
      // for a normal), and 1 minor unit if every amount is the same.
      let total = 0;
      for (let i = 0; i < n; i++) total += Math.abs(sorted[i]! - median);
      scale = 1.253314 * (total / n) || 1;
    }
    this.ratio = amount / Math.max(median, 1);
    this.z = (amount - median) / scale;
  }

  add(amount: number): void {
    let n = this.length;
    const capacity = this.values.length >> 1;
    if (n === AMOUNT_HISTORY_LENGTH) {
      // Full: the oldest leaves the sorted half, the new amount takes its place in the ring.
      const ring = capacity + this.next;
      const oldest = this.values[ring]!;
      const at = lowerBound(this.values, n, oldest);
      this.values.copyWithin(at, at + 1, n);
      this.values[ring] = amount;
      this.next = (this.next + 1) % AMOUNT_HISTORY_LENGTH;
      n--;
    } else {
      if (n === capacity) this.grow(Math.min(2 * capacity, AMOUNT_HISTORY_LENGTH));
      this.values[(this.values.length >> 1) + n] = amount;
      this.length = n + 1;
    }
    const at = lowerBound(this.values, n, amount);
    this.values.copyWithin(at + 1, at, n);
    this.values[at] = amount;
  }

  private grow(capacity: number): void {
    const old = this.values;
    const oldCapacity = old.length >> 1;
    this.values = new Float64Array(2 * capacity);
    this.values.set(old.subarray(0, oldCapacity));
    this.values.set(old.subarray(oldCapacity), capacity);
  }
}

function lowerBound(sorted: Float64s, length: number, value: number): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The median of |x − median| over the first n values of a sorted array: the deviations below the median (walking
 * down from `low`) and above it (walking up from low + 1) are each ascending, so merging them from the median
 * outwards reaches the middle rank in n/2 steps, without sorting the deviations.
 */
function medianAbsoluteDeviation(sorted: Float64s, n: number, median: number, low: number): number {
  let down = low;
  let up = low + 1;
  // Ranks (n − 1) / 2 for odd n; n / 2 − 1 and n / 2 for even n.
  const target = (n - 1) >> 1;
  let previous = 0;
  for (let rank = 0; ; rank++) {
    const below = down >= 0 ? median - sorted[down]! : Infinity;
    const above = up < n ? sorted[up]! - median : Infinity;
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

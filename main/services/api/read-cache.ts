/**
 * What a session has read (row counts, a view's ordered keys, the dashboard), kept while the workspace is
 * unchanged: each entry is tagged with the read connection's data_version, which moves on at every commit
 * by the writer, so a stale entry is never served. Least recently used entries go first once the total weight
 * (about one unit per key held) passes the limit.
 */
export class ReadCache {
  private readonly entries = new Map<string, { version: number; value: unknown; weight: number }>();
  private weight = 0;
  private readonly maxWeight: number;

  constructor(maxWeight: number) {
    this.maxWeight = maxWeight;
  }

  get<T>(key: string, version: number, compute: () => T, weigh: (value: T) => number = () => 1): T {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.weight -= hit.weight;
      if (hit.version === version) {
        this.entries.set(key, hit);
        this.weight += hit.weight;
        return hit.value as T;
      }
    }
    const value = compute();
    const weight = Math.max(1, weigh(value));
    this.entries.set(key, { version, value, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.weight <= this.maxWeight || oldest === key) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
    return value;
  }

  forget(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.weight -= entry.weight;
  }

  has(key: string, version: number): boolean {
    return this.entries.get(key)?.version === version;
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}

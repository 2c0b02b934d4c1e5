import type { TableWrites } from './table-writes.ts';

export interface ReadCacheOptions {
  /** The tables the values are read from: a write to any of them makes every copy stale. */
  tables: readonly string[];
  /** The longest a copy is used, which bounds how stale writes by other processes leave it. */
  ttlMs: number;
  /** At most this many copies; the oldest goes first. */
  max: number;
}

/**
 * Copies of values read from the database, kept in memory while no write in this process has
 * touched the tables they come from (`TableWrites`) and for at most `ttlMs`.
 */
export class ReadCache<K, V> {
  private readonly entries = new Map<K, { value: V; stamp: string; until: number }>();

  constructor(
    private readonly writes: TableWrites,
    private readonly options: ReadCacheOptions,
  ) {}

  /**
   * The copy of `key`, or `load()`'s value, kept when it is not null. The stamp is taken before
   * the read: a write that lands while it runs leaves the copy stale at once.
   */
  async read(key: K, load: () => Promise<V | null>): Promise<V | null> {
    if (!this.writes.caching) return load();
    const now = Date.now();
    const stamp = this.writes.stamp(this.options.tables);
    const entry = this.entries.get(key);
    if (entry && entry.until > now && entry.stamp === stamp) return entry.value;
    this.entries.delete(key);
    const value = await load();
    if (value !== null) {
      if (this.entries.size >= this.options.max) this.entries.delete(this.entries.keys().next().value as K);
      this.entries.set(key, { value, stamp, until: now + this.options.ttlMs });
    }
    return value;
  }
}

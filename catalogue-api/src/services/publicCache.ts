/**
 * A micro-cache of public answers (items, pages of a township's list, metrics): each entry lives `ttlMs` (1 s by
 * default), far inside the `Cache-Control: max-age=60` the route already gives every client, so instances stay
 * interchangeable behind a load balancer — another instance is at most `ttlMs` behind a publish, and this one
 * forgets at once. Without it every request is a database read, and the public item route (portal pages, QR
 * codes on printed guides) keeps a tenth of what the web server alone can serve (bench/api).
 */
export class PublicCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private readonly loading = new Map<string, Promise<V>>();

  /**
   * With `shareLoads`, requests for a key that is being loaded wait for that load instead of starting their
   * own, even when nothing is kept (`ttlMs` 0): a burst of the same costly question costs one answer.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly shareLoads = false,
  ) {}

  async get(key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    const pending = this.shareLoads ? this.loading.get(key) : undefined;
    if (pending) return pending;
    const loaded = load();
    if (this.shareLoads) {
      this.loading.set(key, loaded);
      // Whichever way it ends, the next request loads afresh (unless a newer load already took the key).
      const done = () => this.loading.get(key) === loaded && this.loading.delete(key);
      loaded.then(done, done);
    }
    const value = await loaded;
    if (this.ttlMs > 0) {
      // Bounded: when full, start over rather than track recency; entries are one read away.
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, expires: now + this.ttlMs });
    }
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
    this.loading.delete(key);
  }

  /** Forgets every entry whose key starts with `prefix` (all list pages of a township; '' for everything). */
  forgetPrefix(prefix: string): void {
    for (const key of [...this.entries.keys(), ...this.loading.keys()])
      if (key.startsWith(prefix)) this.forget(key);
  }
}

/**
 * @module
 * A token bucket per key (a connecting address, or a verified actor's server): each may send
 * `burst` requests at once and then `perMinute` requests a minute. Kept in memory: a restart
 * forgives everyone.
 */

/** Limits of {@link RateLimit}. */
export interface RateLimitOptions {
  /** Sustained requests per minute per server. Default 120. */
  readonly perMinute?: number;
  /** Requests a server may send at once. Default 60. */
  readonly burst?: number;
  /** Servers tracked at most (the least recently seen are forgotten). Default 10 000. */
  readonly maxServers?: number;
}

/** Token buckets keyed by server. */
export class RateLimit {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #max: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(options: RateLimitOptions = {}) {
    this.#perMs = (options.perMinute ?? 120) / 60_000;
    this.#burst = options.burst ?? 60;
    this.#max = options.maxServers ?? 10_000;
  }

  /**
   * Takes a token for `server`.
   *
   * @param server - the remote server (host and port).
   * @param now - the time in ms.
   * @returns `0` when allowed, otherwise the seconds to wait.
   */
  take(server: string, now: number): number {
    const bucket = this.#buckets.get(server) ?? { tokens: this.#burst, at: now };
    this.#buckets.delete(server);
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    this.#buckets.set(server, bucket);
    if (this.#buckets.size > this.#max) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }
}

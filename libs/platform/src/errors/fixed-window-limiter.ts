import { DomainError } from './domain-error';

/**
 * A fixed-window counter per client, for public endpoints that have no token to limit by
 * (appraisal's residents' ratings, recruitment's public applications); a refusal answers
 * TOO_MANY_REQUESTS (429) with `retryAfter(client)` as its Retry-After. In memory and per
 * process: behind several replicas each allows its own share, which bounds a flood all the same.
 * What must hold exactly (one rating per resident, one application per person) is enforced by a
 * unique key in the database, not here.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxClients = 100_000,
  ) {}

  /** true when `client` may go on; false once it used up the window. */
  take(client: string, now = Date.now()): boolean {
    const w = this.windows.get(client);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size >= this.maxClients) this.sweep(now);
      this.windows.set(client, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  /** Lets `client` go on, or refuses it with TOO_MANY_REQUESTS (429, its Retry-After the seconds until its window resets). */
  admit(client: string, message: string, now = Date.now()): void {
    if (!this.take(client, now)) throw DomainError.tooManyRequests(message, this.retryAfter(client, now));
  }

  /** Seconds until `client`'s window resets. */
  retryAfter(client: string, now = Date.now()): number {
    const w = this.windows.get(client);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 1;
  }

  private sweep(now: number): void {
    for (const [client, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(client);
    // Still full (a flood of distinct addresses): start over rather than grow without bound.
    if (this.windows.size >= this.maxClients) this.windows.clear();
  }
}

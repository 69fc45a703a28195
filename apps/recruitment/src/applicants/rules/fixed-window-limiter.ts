/**
 * Requests per client address per window (the public application endpoint has no token to limit
 * by). In memory and per process: behind several replicas each allows its share, which still
 * bounds a flood; one application per person is enforced by the unique personRef, not here.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxClients = 100_000,
  ) {}

  /** true when `client` may go on. */
  take(client: string, now = Date.now()): boolean {
    const current = this.windows.get(client);
    if (!current || now - current.start >= this.windowMs) {
      if (this.windows.size >= this.maxClients) this.forgetExpired(now);
      this.windows.set(client, { start: now, count: 1 });
      return true;
    }
    current.count += 1;
    return current.count <= this.limit;
  }

  /** Whole seconds until `client` may try again (at least 1). */
  retryAfter(client: string, now = Date.now()): number {
    const current = this.windows.get(client);
    return current ? Math.max(1, Math.ceil((current.start + this.windowMs - now) / 1000)) : 1;
  }

  private forgetExpired(now: number): void {
    for (const [client, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(client);
    if (this.windows.size >= this.maxClients) this.windows.clear();
  }
}

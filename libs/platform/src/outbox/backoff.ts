/** Exponential backoff with full jitter: attempt 1 → up to min, doubling, capped at max. */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(minMs / 2 + random() * (ceiling - minMs / 2));
}

/** Delay before try `attempt + 1`: doubling from `minMs`, capped at `maxMs`, ±20 % jitter so receivers are not hit in waves. */
export function retryDelayMs(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(minMs, Math.round(base * (0.8 + 0.4 * random())));
}

/**
 * Waits until `probe` returns a truthy value (no fixed sleeps); throws naming `what` on timeout.
 * Shared by the tier and the registry's hooks (support/services.ts), so it lives on its own.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false | null>,
  timeoutMs: number,
  what: string,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

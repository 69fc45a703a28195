/**
 * The one seeded PRNG of the repository: mulberry32 over an FNV-1a hash of a key. Used by the
 * synthetic workforce (every worker draws from its own stream keyed by (seed, unit, slot), so a
 * worker's attributes do not depend on how many other workers were generated before it), by the
 * org-tree generator in seeds/org-tree (one stream per street) and by the benchmarks.
 * Changing any function here changes committed seed files (their specs say so).
 */
export type Random = () => number;

export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream for one key under one seed text: the key hashed with the seed text's hash as basis. */
export function keyedRandom(seedText: string, key: string): Random {
  return mulberry32(hashString(key, hashString(seedText)));
}

/** A stream for one key under one seed of the synthetic workforce. */
export function randomFor(seed: number, key: string): Random {
  return keyedRandom(`cwp-workforce:${seed}`, key);
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Roughly normal (sum of three uniforms, sd ≈ spread), rounded and clamped to [min, max]. */
export function bellBetween(random: Random, mean: number, spread: number, min: number, max: number): number {
  const z = (random() + random() + random() - 1.5) * 2;
  return Math.min(max, Math.max(min, Math.round(mean + z * spread)));
}

/** Picks a key of `weights` with probability proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let total = 0;
  for (const [, w] of entries) total += w;
  let r = random() * total;
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

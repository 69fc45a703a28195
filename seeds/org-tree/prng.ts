/**
 * Small seeded PRNG for the org-tree generator (mulberry32 over an FNV-1a string hash). Each street
 * gets its own stream keyed by its code, so editing one street in streets.ts never reshuffles the
 * committees of another: committee codes stay stable across regenerations.
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

export function randomFor(seed: number, key: string): Random {
  return mulberry32(hashString(key, hashString(String(seed))));
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Roughly normal (sum of three uniforms), clamped to [min, max]. */
export function bellBetween(random: Random, mean: number, spread: number, min: number, max: number): number {
  const z = (random() + random() + random() - 1.5) * 2; // about -3..3, sd 1
  return Math.min(max, Math.max(min, Math.round(mean + z * spread)));
}

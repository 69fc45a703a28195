/** Date arithmetic of the development plan (deterministic: no clock, no locale). */

const parse = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

/** Epoch ms of midnight UTC `years` after `iso`; 29 February falls back to 28 February. */
export function addYears(iso: string, years: number): number {
  const [y, m, d] = parse(iso);
  const target = Date.UTC(y + years, m - 1, d);
  return new Date(target).getUTCMonth() === m - 1 ? target : Date.UTC(y + years, m - 1, d - 1);
}

/** The service anniversaries strictly before `years` (1, 2, … years - 1). */
export function anniversariesBefore(iso: string, years: number): number[] {
  return Array.from({ length: Math.max(0, years - 1) }, (_, i) => addYears(iso, i + 1));
}

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

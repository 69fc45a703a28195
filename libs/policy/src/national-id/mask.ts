/**
 * Masks for display and logs: enough to recognise a record, never enough to recover the number.
 * Inputs too short to keep both ends are masked completely.
 */
function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const v = value.trim();
  if (v.length <= keepStart + keepEnd) return '*'.repeat(v.length);
  return v.slice(0, keepStart) + '*'.repeat(v.length - keepStart - keepEnd) + v.slice(v.length - keepEnd);
}

/** An 18-character number `3101…………1234` → `3101**********1234` (first 4 and last 4 kept; x shown as X). */
export function maskNationalId(id: string): string {
  return maskMiddle(id.toUpperCase(), 4, 4);
}

/** `13812345678` → `138****5678` (first 3 and last 4 kept; spaces, dashes and +86 dropped first). */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '').replace(/^\+86/, '');
  return maskMiddle(digits, 3, 4);
}

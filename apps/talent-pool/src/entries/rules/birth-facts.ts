/**
 * The birth date and sex a GB 11643 national ID states (digits 7-14, the 17th's parity). Read from
 * an ID the registration already validated; the candidate event carries them for REC-4 (age)
 * instead of the ID itself.
 */
export function birthFacts(nationalId: string): { birthDate: string; gender: 'female' | 'male' } {
  if (!/^\d{17}[\dX]$/.test(nationalId)) throw new Error('birthFacts needs a normalized 18-character national ID');
  return {
    birthDate: `${nationalId.slice(6, 10)}-${nationalId.slice(10, 12)}-${nationalId.slice(12, 14)}`,
    gender: Number(nationalId[16]) % 2 === 1 ? 'male' : 'female',
  };
}

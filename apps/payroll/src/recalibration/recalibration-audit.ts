/** The audit view of a multiplier change (figures and the stated reason; no personal data). */
export function multiplierAuditView(payYear: number, multiplier: number | null, reason?: string): Record<string, unknown> {
  return { payYear, multiplier, ...(reason ? { reason } : {}) };
}

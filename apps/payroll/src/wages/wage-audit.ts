import type { WageRow } from './wage.row';

export const WAGE_ENTITY = 'CityAverageWage';

/** What the audit trail stores of a wage: the figure and its revision (no personal data). */
export function wageAuditView(row: WageRow): Record<string, unknown> {
  return { year: row.year, annualFen: row.annualFen, revision: row.revision };
}

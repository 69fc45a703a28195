import type { WagePublishedData } from '@cwp/contracts';
import type { WageRow } from './wage.row';

/** The event payload of a wage row (the correction's free-text reason stays in the audited row). */
export function wageEventData(row: WageRow): WagePublishedData {
  return { year: row.year, annualFen: row.annualFen, revision: row.revision, correction: row.revision > 1 };
}

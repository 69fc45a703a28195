/** One street of a plan: posts planned here against what the workforce service says is vacant. */
export interface StreetPlanFigures {
  streetCode: string;
  planned: number;
  /** Vacancies of the street's subtree as last published by the workforce service. */
  vacancies: number;
  /** Posts other running campaigns already hold in this street. */
  plannedElsewhere: number;
}

/**
 * Planned posts may not exceed a street's vacancies (issue 10; QUOTA-6 figures): what other
 * running campaigns already plan there counts against them. Returns the streets over the limit.
 */
export function streetsOverVacancies(figures: readonly StreetPlanFigures[]): StreetPlanFigures[] {
  return figures.filter((f) => f.planned + f.plannedElsewhere > f.vacancies);
}

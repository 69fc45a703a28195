/** A unit's staffing as the workforce service last published it. */
export interface StaffingRow {
  unitCode: string;
  quota: number;
  headcount: number;
  vacancies: number;
  asOf: Date;
}

export const STAFFING_COLUMNS = 's.unit_code AS "unitCode", s.quota, s.headcount, s.vacancies, s.as_of AS "asOf"';

/**
 * QUOTA-6 report in one set-based query over a unit's subtree. Workers are aggregated per unit
 * (the roster's `workers_unit_prefix` index, text_pattern_ops, serves `unit_code LIKE '3101%'`),
 * joined to the unit's quota rows (their "C"-collated primary key serves the same LIKE), so
 * vacancies are counted per unit (an over-staffed area does not hide another's vacancy), then
 * rolled up by ORG-4 region kind. No per-worker work happens in Node.
 *
 * Headcount on the period's first and last day follows transfers (ORG-2): a worker's unit on day D
 * is the origin (`from_unit_code`) of its first transfer effective after D, or its unit now if none.
 * Only transfers after D with an end inside the subtree matter (the first one after D that touches
 * the subtree has the worker's unit on D as its origin), read through worker_history's two unit
 * indexes; each such worker moves one count from its unit now to its unit then, per region.
 *
 * Parameters: $1 subtree LIKE pattern, $2 period from, $3 period to (dates), $4/$5/$6 the birth
 * dates at which a worker turns 30/40/50 on `to` (age bands are as of the period end).
 * The education columns are generated from the shared vocabulary (REC-4's codes), one per level.
 */
import { EDUCATION_LEVELS, type EducationLevel } from '@cwp/contracts';

type Snake<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Snake<Tail>}` : S;
/** The report query's column counting one education level, e.g. `edu_below_junior_college`. */
export type EducationColumn = `edu_${Snake<EducationLevel>}`;

export function educationColumn(level: EducationLevel): EducationColumn {
  // The codes are the policy library's constants; checked anyway since they are spliced into SQL.
  if (!/^[a-z]+(-[a-z]+)*$/.test(level)) throw new Error(`education code ${level} is not a plain lower-case code`);
  return `edu_${level.replace(/-/g, '_')}` as EducationColumn;
}

const EDUCATION_COUNTS = EDUCATION_LEVELS.map(
  (level) => `count(*) FILTER (WHERE status <> 'exited' AND education = '${level}') AS ${educationColumn(level)}`,
).join(',\n    ');
const EDUCATION_SUMS = EDUCATION_LEVELS.map(
  (level) => `coalesce(sum(w.${educationColumn(level)}), 0)::int AS ${educationColumn(level)}`,
).join(',\n  ');

/**
 * Workers employed on `day` whose first transfer after it touches the subtree: their unit then and
 * now. Transfers are the rows with a `from_unit_code` (a table CHECK), which lets the city-wide
 * report read the small partial index worker_history_from_unit instead of every history row.
 */
function firstTransferAfter(day: '$2' | '$3'): string {
  return `SELECT DISTINCT ON (h.worker_id) h.from_unit_code AS unit_then, wk.unit_code AS unit_now
  FROM worker_history h JOIN workers wk ON wk.id = h.worker_id
  WHERE h.from_unit_code IS NOT NULL AND h.occurred_on > ${day} AND (h.unit_code LIKE $1 OR h.from_unit_code LIKE $1)
    AND wk.hired_on <= ${day} AND (wk.exited_on IS NULL OR wk.exited_on > ${day})
  ORDER BY h.worker_id, h.occurred_on, h.id`;
}

export const STAFFING_REPORT_SQL = `
WITH w AS (
  SELECT unit_code,
    count(*) FILTER (WHERE status <> 'exited') AS headcount,
    count(*) FILTER (WHERE status = 'on-duty') AS on_duty,
    count(*) FILTER (WHERE status = 'leave') AS on_leave,
    count(*) FILTER (WHERE exited_on BETWEEN $2 AND $3) AS exits,
    count(*) FILTER (WHERE hired_on BETWEEN $2 AND $3) AS hires,
    count(*) FILTER (WHERE hired_on <= $2 AND (exited_on IS NULL OR exited_on > $2)) AS at_start,
    count(*) FILTER (WHERE hired_on <= $3 AND (exited_on IS NULL OR exited_on > $3)) AS at_end,
    count(*) FILTER (WHERE status <> 'exited' AND title = 'junior') AS title_junior,
    count(*) FILTER (WHERE status <> 'exited' AND title = 'intermediate') AS title_intermediate,
    count(*) FILTER (WHERE status <> 'exited' AND title = 'senior') AS title_senior,
    count(*) FILTER (WHERE status <> 'exited' AND title IS NULL) AS title_none,
    count(*) FILTER (WHERE status <> 'exited' AND birth_date > $4) AS age_under_30,
    count(*) FILTER (WHERE status <> 'exited' AND birth_date <= $4 AND birth_date > $5) AS age_30_39,
    count(*) FILTER (WHERE status <> 'exited' AND birth_date <= $5 AND birth_date > $6) AS age_40_49,
    count(*) FILTER (WHERE status <> 'exited' AND birth_date <= $6) AS age_50_plus,
    ${EDUCATION_COUNTS}
  FROM workers
  WHERE unit_code LIKE $1
  GROUP BY unit_code
), q AS (
  SELECT unit_code,
    sum(value + borrowed) FILTER (WHERE kind IN ('area', 'centre')) AS quota,
    sum(borrowed) FILTER (WHERE kind = 'area') AS borrowed,
    sum(value) FILTER (WHERE kind = 'floating') AS floating_held,
    sum(lent) FILTER (WHERE kind = 'floating') AS floating_lent
  FROM quotas
  WHERE unit_code LIKE $1
  GROUP BY unit_code
), moved_after_start AS (
  ${firstTransferAfter('$2')}
), moved_after_end AS (
  ${firstTransferAfter('$3')}
), shifts AS (
  SELECT u.region, sum(m.at_start) AS at_start, sum(m.at_end) AS at_end
  FROM (
    SELECT unit_now AS unit_code, -1 AS at_start, 0 AS at_end FROM moved_after_start
    UNION ALL SELECT unit_then, 1, 0 FROM moved_after_start
    UNION ALL SELECT unit_now, 0, -1 FROM moved_after_end
    UNION ALL SELECT unit_then, 0, 1 FROM moved_after_end
  ) m
  JOIN org_units u ON u.code = m.unit_code
  WHERE m.unit_code LIKE $1
  GROUP BY u.region
)
SELECT u.region,
  count(*) FILTER (WHERE u.kind = 'area')::int AS areas,
  count(*) FILTER (WHERE u.kind = 'street')::int AS streets,
  coalesce(sum(q.quota), 0)::int AS quota,
  coalesce(sum(q.borrowed), 0)::int AS borrowed,
  coalesce(sum(q.floating_held), 0)::int AS floating_held,
  coalesce(sum(q.floating_lent), 0)::int AS floating_lent,
  coalesce(sum(greatest(0, coalesce(q.quota, 0) - coalesce(w.headcount, 0))), 0)::int AS vacancies,
  coalesce(sum(w.headcount), 0)::int AS headcount,
  coalesce(sum(w.on_duty), 0)::int AS on_duty,
  coalesce(sum(w.on_leave), 0)::int AS on_leave,
  coalesce(sum(w.exits), 0)::int AS exits,
  coalesce(sum(w.hires), 0)::int AS hires,
  (coalesce(sum(w.at_start), 0) + coalesce((SELECT s.at_start FROM shifts s WHERE s.region IS NOT DISTINCT FROM u.region), 0))::int AS at_start,
  (coalesce(sum(w.at_end), 0) + coalesce((SELECT s.at_end FROM shifts s WHERE s.region IS NOT DISTINCT FROM u.region), 0))::int AS at_end,
  coalesce(sum(w.title_junior), 0)::int AS title_junior,
  coalesce(sum(w.title_intermediate), 0)::int AS title_intermediate,
  coalesce(sum(w.title_senior), 0)::int AS title_senior,
  coalesce(sum(w.title_none), 0)::int AS title_none,
  coalesce(sum(w.age_under_30), 0)::int AS age_under_30,
  coalesce(sum(w.age_30_39), 0)::int AS age_30_39,
  coalesce(sum(w.age_40_49), 0)::int AS age_40_49,
  coalesce(sum(w.age_50_plus), 0)::int AS age_50_plus,
  ${EDUCATION_SUMS}
FROM q FULL JOIN w USING (unit_code)
JOIN org_units u ON u.code = unit_code
GROUP BY u.region
ORDER BY u.region`;

/** One row of STAFFING_REPORT_SQL: the sums of one ORG-4 region kind. */
export interface RegionSums extends Record<EducationColumn, number> {
  region: 'central' | 'fringe' | 'suburb' | null;
  areas: number;
  streets: number;
  quota: number;
  borrowed: number;
  floating_held: number;
  floating_lent: number;
  vacancies: number;
  headcount: number;
  on_duty: number;
  on_leave: number;
  exits: number;
  hires: number;
  at_start: number;
  at_end: number;
  title_junior: number;
  title_intermediate: number;
  title_senior: number;
  title_none: number;
  age_under_30: number;
  age_30_39: number;
  age_40_49: number;
  age_50_plus: number;
}

/** The birth-date boundaries of the age bands on `to` (YYYY-MM-DD): turned 30, 40, 50 by then. */
export function ageBandBoundaries(to: string): [string, string, string] {
  const [y, m, d] = to.split('-');
  const minus = (years: number): string => `${String(Number(y) - years).padStart(4, '0')}-${m}-${m === '02' && d === '29' ? '28' : d}`;
  return [minus(30), minus(40), minus(50)];
}

/**
 * Each unit's staffing now (QUOTA-6, as the staffing report counts it: quota = area and centre
 * quota with borrowed floating places; headcount = workers not exited; vacancies per unit =
 * max(0, quota − headcount)), for the units in $1 (NULL: every unit), keeping only the units
 * whose figures differ from what was last published. Set-based: one GROUP BY per table.
 */
export const CHANGED_STAFFING_SQL = `
WITH q AS (
  SELECT unit_code, coalesce(sum(value + borrowed) FILTER (WHERE kind IN ('area', 'centre')), 0)::int AS quota
    FROM quotas WHERE $1::text[] IS NULL OR unit_code = ANY($1::text[]) GROUP BY unit_code
), w AS (
  SELECT unit_code, count(*) FILTER (WHERE status <> 'exited')::int AS headcount
    FROM workers WHERE $1::text[] IS NULL OR unit_code = ANY($1::text[]) GROUP BY unit_code
), now_figures AS (
  SELECT unit_code, coalesce(q.quota, 0) AS quota, coalesce(w.headcount, 0) AS headcount
    FROM q FULL JOIN w USING (unit_code)
   WHERE unit_code ~ '^31[0-9]{7}([0-9]{3})?$'
)
SELECT n.unit_code AS "unitCode", n.quota, n.headcount, greatest(0, n.quota - n.headcount)::int AS vacancies
  FROM now_figures n LEFT JOIN staffing_published p ON p.unit_code = n.unit_code
 WHERE p.unit_code IS NULL OR p.quota <> n.quota OR p.headcount <> n.headcount
 ORDER BY n.unit_code`;

export const RECORD_PUBLISHED_SQL = `
INSERT INTO staffing_published (unit_code, quota, headcount, vacancies, published_at)
SELECT u.unit_code, u.quota, u.headcount, u.vacancies, now() FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS u(unit_code, quota, headcount, vacancies)
ON CONFLICT (unit_code) DO UPDATE SET quota = EXCLUDED.quota, headcount = EXCLUDED.headcount, vacancies = EXCLUDED.vacancies,
  published_at = EXCLUDED.published_at`;

/**
 * Each street's staffing now, over the street's centre and its residential areas (QUOTA-6, as the
 * staffing report counts it: quota = area and centre quota with borrowed floating places;
 * headcount = workers not exited; vacancies counted per unit, max(0, quota − headcount), then
 * summed, so an over-staffed area does not hide another's vacancy), for the streets in $1 (NULL:
 * every street), keeping only the streets whose figures differ from what was last published.
 * Set-based: one GROUP BY per table. Streets, not areas, are what recruitment plans posts for,
 * and ~220 events per full publication (not ~6,800) keep a new consumer's bootstrap short.
 */
export const CHANGED_STAFFING_SQL = `
WITH q AS (
  SELECT unit_code, coalesce(sum(value + borrowed) FILTER (WHERE kind IN ('area', 'centre')), 0)::int AS quota
    FROM quotas WHERE $1::text[] IS NULL OR left(unit_code, 9) = ANY($1::text[]) GROUP BY unit_code
), w AS (
  SELECT unit_code, count(*) FILTER (WHERE status <> 'exited')::int AS headcount
    FROM workers WHERE $1::text[] IS NULL OR left(unit_code, 9) = ANY($1::text[]) GROUP BY unit_code
), per_unit AS (
  SELECT unit_code, coalesce(q.quota, 0) AS quota, coalesce(w.headcount, 0) AS headcount
    FROM q FULL JOIN w USING (unit_code)
   WHERE unit_code ~ '^31[0-9]{7}([0-9]{3})?$'
), per_street AS (
  SELECT left(unit_code, 9) AS street, sum(quota)::int AS quota, sum(headcount)::int AS headcount,
         sum(greatest(0, quota - headcount))::int AS vacancies
    FROM per_unit GROUP BY left(unit_code, 9)
)
SELECT n.street AS "unitCode", n.quota, n.headcount, n.vacancies
  FROM per_street n LEFT JOIN staffing_published p ON p.unit_code = n.street
 WHERE p.unit_code IS NULL OR p.quota <> n.quota OR p.headcount <> n.headcount OR p.vacancies <> n.vacancies
 ORDER BY n.street`;

export const RECORD_PUBLISHED_SQL = `
INSERT INTO staffing_published (unit_code, quota, headcount, vacancies, published_at)
SELECT u.unit_code, u.quota, u.headcount, u.vacancies, now()
  FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS u(unit_code, quota, headcount, vacancies)
ON CONFLICT (unit_code) DO UPDATE SET quota = EXCLUDED.quota, headcount = EXCLUDED.headcount, vacancies = EXCLUDED.vacancies,
  published_at = EXCLUDED.published_at`;

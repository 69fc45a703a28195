/**
 * The roster list's sort whitelist: request names map to fixed SQL column expressions, so a sort
 * parameter can never inject SQL, and every order ends with the id for stable pages.
 */
export const WORKER_SORTS = {
  name: 'w.name',
  hiredOn: 'w.hired_on',
  birthDate: 'w.birth_date',
  postLevel: 'w.post_level',
  unitCode: 'w.unit_code',
  title: "array_position(ARRAY['junior','intermediate','senior']::text[], w.title)",
  role: "array_position(ARRAY['staff','specialist','supervisor','manager','head']::text[], w.role)",
} as const;
export type WorkerSort = keyof typeof WORKER_SORTS;
export const WORKER_SORT_NAMES = Object.keys(WORKER_SORTS) as WorkerSort[];

export type SortOrder = 'asc' | 'desc';

const NULLABLE_SORTS: ReadonlySet<WorkerSort> = new Set(['title']);

/** `ORDER BY` text for a whitelisted sort; unknown names throw (the DTO refuses them first). */
export function orderByClause(sort: WorkerSort = 'name', order: SortOrder = 'asc'): string {
  if (!Object.prototype.hasOwnProperty.call(WORKER_SORTS, sort)) throw new Error(`unknown sort ${String(sort)}`);
  if (order !== 'asc' && order !== 'desc') throw new Error(`unknown order ${String(order)}`);
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  // Only title can be null: workers without one sort after the titled ones either way. The other
  // columns are NOT NULL, and leaving their NULLS default lets an index serve the order.
  const nulls = NULLABLE_SORTS.has(sort) ? ' NULLS LAST' : '';
  return `ORDER BY ${WORKER_SORTS[sort]} ${direction}${nulls}, w.id ${direction}`;
}

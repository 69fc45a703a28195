const UNIQUE_VIOLATION = '23505';

/**
 * Whether `error` is PostgreSQL's unique violation (23505), raised through TypeORM (QueryFailedError
 * with `driverError`) or by pg directly; with `constraint`, only a violation of that index or
 * constraint. Services turn it into DUPLICATE (409); anything else is rethrown.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const driver = (error as { driverError?: unknown }).driverError ?? error;
  const { code, constraint: violated } = driver as { code?: unknown; constraint?: unknown };
  return code === UNIQUE_VIOLATION && (constraint === undefined || violated === constraint);
}

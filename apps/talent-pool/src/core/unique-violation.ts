/** True when `error` (a TypeORM QueryFailedError or the pg error itself) is a 23505 on `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driver?.code === '23505' && driver.constraint === constraint;
}

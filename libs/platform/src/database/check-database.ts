import type { DataSource } from 'typeorm';

/** Readiness: the pool answers and the service schema exists (migrations ran). */
export async function checkDatabase(dataSource: DataSource): Promise<void> {
  const rows = (await dataSource.query('SELECT current_schema() AS schema')) as Array<{ schema: string | null }>;
  if (!rows[0]?.schema) throw new Error('service schema missing from search_path (migrations not run?)');
}

/**
 * The workforce service's schema, named by the same variable the service reads
 * (WORKFORCE_DB_SCHEMA, default `workforce`); seeds import no app (`seeds-and-benches-import-no-app`).
 */
export function workforceSchema(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.WORKFORCE_DB_SCHEMA || 'workforce';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`WORKFORCE_DB_SCHEMA ${name} is not a plain schema name`);
  return name;
}

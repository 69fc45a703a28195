import { demoServiceSchema } from './demo-service';

/** The workforce service's schema (WORKFORCE_DB_SCHEMA, default `workforce`), as the service reads it. */
export function workforceSchema(env: NodeJS.ProcessEnv = process.env): string {
  return demoServiceSchema('workforce', env);
}

/**
 * The workforce service as a package: its schema's migrations. Seed and bench helpers are not
 * exported here: synthetic data is @cwp/synthetic, and what benches need of the service's own
 * tables is the testing entry point `@cwp/workforce/testing` (src/testing/index.ts).
 */
export { workforceMigrations } from './migrations';

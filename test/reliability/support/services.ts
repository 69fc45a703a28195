/**
 * The services the reliability tier drives, one entry each. A new service adds one entry here;
 * the abuse, scope and schema suites then cover it from its own OpenAPI without new test code.
 */
export interface ServiceDefinition {
  /** Service name = route prefix `api/<name>`. */
  name: string;
  /** TypeScript entry run through swc-node (the checked-out code, never a stale dist). */
  entry: string;
  /** Variables that isolate one run: its own schema, task queue, consumer groups. */
  env(run: string): Record<string, string | undefined>;
  /** Prebuilt workflow package (dist/index.js) bundled fresh for the run, and the variable naming the bundle. */
  workflows?: { dist: string; bundleVariable: string };
  /** The schema the run's data lives in (dropped at the end). */
  schema(run: string): string;
}

export const SERVICES: readonly ServiceDefinition[] = [
  {
    name: 'workforce',
    entry: 'apps/workforce/src/main.ts',
    schema: (run) => `wf_rel_${run}`,
    env: (run) => ({
      WORKFORCE_DB_SCHEMA: `wf_rel_${run}`,
      WORKFORCE_TASK_QUEUE: `wf-rel-${run}`,
      WORKFORCE_RUN_WORKER: 'false',
      WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
      WORKFORCE_SEED_ON_START: 'true',
    }),
  },
  {
    name: 'talent-pool',
    entry: 'apps/talent-pool/src/main.ts',
    schema: (run) => `tp_rel_${run}`,
    workflows: { dist: 'workflows/talent-pool/dist/index.js', bundleVariable: 'TALENT_POOL_WORKFLOW_BUNDLE' },
    env: (run) => ({
      TALENT_POOL_DB_SCHEMA: `tp_rel_${run}`,
      TALENT_POOL_TASK_QUEUE: `tp-rel-${run}`,
      TALENT_POOL_HIRED_CONSUMER: `tp-rel-hired-${run}`,
      TALENT_POOL_RECONCILE_SECONDS: '30',
    }),
  },
];

export function serviceNamed(name: string): ServiceDefinition {
  const found = SERVICES.find((s) => s.name === name);
  if (!found) throw new Error(`no service ${name} in test/reliability/support/services.ts`);
  return found;
}

/**
 * The services the reliability tier drives, one entry each. A new service adds one entry here;
 * the abuse, scope and schema suites then cover it from its own OpenAPI without new test code.
 */
export interface ServiceDefinition {
  /** Service name = route prefix `api/<name>`. */
  name: string;
  /** TypeScript entry; its built `dist/main.js` is run when present (support/tier.ts). */
  entry: string;
  /** Variables that isolate one run: its own schema, task queue, consumer groups. */
  env(run: string): Record<string, string | undefined>;
  /** Prebuilt workflow package (dist/index.js) bundled fresh for the run, and the variable naming the bundle. */
  workflows?: { dist: string; bundleVariable: string };
  /** The schema the run's data lives in (dropped at the end). */
  schema(run: string): string;
  /**
   * Records the scope suite probes from outside: created in 南京东路街道 (310101002) and keyed by
   * the path segment before an `{id}` (`workers`, `loans`, `entries`), plus valid request bodies
   * by operation (`POST /workers`) so a probe reaches the scope check rather than validation.
   */
  scopeFixtures?(tier: FixtureTier): Promise<{ ids: Record<string, string>; bodies: Record<string, Record<string, unknown>> }>;
}

/** What a fixture hook may use of the tier (kept narrow so services.ts stays a registry). */
export interface FixtureTier {
  call(service: string, method: string, url: string, options: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  nationalId(): string;
  phone(): string;
}

const HIRE = {
  unitCode: '310101002001',
  name: '可靠性测试',
  birthDate: '1988-04-12',
  education: 'bachelor',
  major: 'social-work',
  entryRoute: 'recruited',
  role: 'staff',
  postLevel: 4,
  hiredOn: '2020-03-01',
};

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
    async scopeFixtures(tier) {
      const worker = await tier.call('workforce', 'POST', '/workers', { token: 'district', body: HIRE });
      const loan = await tier.call('workforce', 'POST', '/units/310101002/floating-quota/loans', {
        token: 'street',
        body: { areaCode: '310101002001', amount: 1 },
      });
      const today = new Date().toISOString().slice(0, 10);
      return {
        ids: { workers: worker.body?.id, ...(loan.status === 201 ? { loans: loan.body.id } : {}) },
        bodies: {
          'POST /workers': HIRE,
          'PATCH /workers/{id}': { version: 1, postLevel: 5 },
          'POST /workers/{id}/leave': {},
          'POST /workers/{id}/return': {},
          'POST /workers/{id}/transfer': { toUnit: '310101002002' },
          'POST /workers/{id}/exit': { cause: 'law', effectiveOn: today, facts: { statutoryCause: 'Labour Contract Law art. 44' } },
          'POST /workers/{id}/promotions': { toTitle: 'junior' },
          'PATCH /units/{code}': { households: 2300 },
          'POST /units/{code}/floating-quota/loans': { areaCode: '310101002001', amount: 1 },
          'POST /quota-reviews/{year}/districts/{districtCode}/decision': { decision: 'approve' },
        },
      };
    },
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
    async scopeFixtures(tier) {
      const entry = {
        name: '可靠性测试',
        nationalId: tier.nationalId(),
        phone: tier.phone(),
        source: 'social-worker',
        education: 'bachelor',
        certificates: ['assistant-social-worker'],
        holdingUnit: '310101002',
      };
      const created = await tier.call('talent-pool', 'POST', '/entries', { token: 'street', body: entry });
      return {
        ids: { entries: created.body?.id },
        bodies: {
          'POST /entries': { ...entry, nationalId: tier.nationalId(), phone: tier.phone() },
          'POST /entries/{id}/withdraw': { reason: 'candidate-request' },
          'POST /entries/{id}/join': {},
        },
      };
    },
  },
];

export function serviceNamed(name: string): ServiceDefinition {
  const found = SERVICES.find((s) => s.name === name);
  if (!found) throw new Error(`no service ${name} in test/reliability/support/services.ts`);
  return found;
}

/**
 * The services the reliability tier drives, one entry each. A new service adds one entry here;
 * the abuse, scope and schema suites then cover it from its own OpenAPI without new test code.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  appraisalPublication,
  daysFromToday,
  payrollRecalibration,
  trainingCompliance,
  workforceQuotaReview,
  recruitmentCancellation,
  type BatchActivity,
  type FixtureTier,
} from './batch-activities';
import { newApplication, newOpening } from '@cwp/recruitment/testing';

export type { BatchActivity, BatchContext, FixtureTier } from './batch-activities';

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
   * the path parameter's name (`workerId`) or, for `{id}`, by the path segment before it
   * (`workers`, `loans`, `entries`), plus valid request bodies by operation (`POST /workers`) so a
   * probe reaches the scope check rather than validation. `skip` names operations whose probe
   * cannot reach a record (e.g. a pay slip needs a pay run), each with its reason.
   */
  scopeFixtures?(tier: FixtureTier): Promise<ScopeFixture>;
  /**
   * The service's batch activity (chunked, heartbeating) for the worker-kill fault
   * (suites/worker-kill.ts): how to start it on a synthetic roster of `synthetic` keys, count what
   * it committed, tell it finished, and count its effects and events for the synthetic keys.
   */
  batchActivity?: BatchActivity;
}

export interface ScopeFixture {
  ids: Record<string, string>;
  bodies: Record<string, Record<string, unknown>>;
  skip?: Record<string, string>;
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
    // With its worker, as deployed: a quota-review decision (a Temporal update) is answered, not 503.
    workflows: { dist: 'workflows/workforce/dist/index.js', bundleVariable: 'WORKFORCE_WORKFLOW_BUNDLE' },
    env: (run) => ({
      WORKFORCE_DB_SCHEMA: `wf_rel_${run}`,
      WORKFORCE_TASK_QUEUE: `wf-rel-${run}`,
      WORKFORCE_RUN_WORKER: 'true',
      WORKFORCE_QUOTA_REVIEW_SCHEDULE: 'false',
      WORKFORCE_SEED_ON_START: 'true',
      WORKFORCE_APPRAISAL_EXITS_CONSUMER: `wf-rel-appraisal-exits-${run}`,
      WORKFORCE_RECRUITMENT_APPOINTED_CONSUMER: `wf-rel-recruitment-appointed-${run}`,
      // Small chunks: the worker-kill fault finds a district's recomputation half done.
      WORKFORCE_QUOTA_REVIEW_CHUNK: '10',
    }),
    batchActivity: workforceQuotaReview,
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
      // Only the reconciler's wake-up on Temporal's return (not its periodic sweep) can meet the outage suite's budget.
      TALENT_POOL_RECONCILE_SECONDS: '300',
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
  {
    name: 'payroll',
    entry: 'apps/payroll/src/main.ts',
    schema: (run) => `pay_rel_${run}`,
    workflows: { dist: 'workflows/payroll/dist/index.js', bundleVariable: 'PAYROLL_WORKFLOW_BUNDLE' },
    env: (run) => ({
      PAYROLL_DB_SCHEMA: `pay_rel_${run}`,
      PAYROLL_TASK_QUEUE: `pay-rel-${run}`,
      PAYROLL_SCHEDULES: 'false',
      PAYROLL_WORKERS_CONSUMER: `pay-rel-workers-${run}`,
      // Small chunks, all in one activity: the worker-kill fault finds the apply half done.
      PAYROLL_APPLY_CHUNK: '10',
      PAYROLL_APPLY_CHUNKS_PER_ACTIVITY: '1000',
    }),
    batchActivity: payrollRecalibration,
    async scopeFixtures(tier) {
      // The pay projection is built only from workforce events: one row in 南京东路街道, written directly.
      const workerId = randomUUID();
      await tier.sql(
        `INSERT INTO pay_rel_${tier.run}.pay_workers (worker_id, unit_code, status, entry_route, post_category, post_level, hired_on)
         VALUES ($1, '310101002001', 'on-duty', 'recruited', 'staff', 4, '2020-03-01')`,
        [workerId],
      );
      return {
        ids: { workerId },
        bodies: {},
        skip: {
          'GET /pay-runs/{period}/slips/{workerId}': 'a slip exists only after a pay run of the period',
          'GET /recalibrations/{year}/workers/{workerId}': 'a recalibration line exists only after a preview of the year',
        },
      };
    },
  },
  {
    name: 'appraisal',
    entry: 'apps/appraisal/src/main.ts',
    schema: (run) => `appr_rel_${run}`,
    workflows: { dist: 'workflows/appraisal/dist/index.js', bundleVariable: 'APPRAISAL_WORKFLOW_BUNDLE' },
    env: (run) => ({
      APPRAISAL_DB_SCHEMA: `appr_rel_${run}`,
      APPRAISAL_TASK_QUEUE: `appr-rel-${run}`,
      APPRAISAL_WORKERS_CONSUMER: `appr-rel-workers-${run}`,
      APPRAISAL_RESIDENT_KEY: createHash('sha256').update(`rel-resident-${run}`).digest('hex'),
      // The abuse suite posts residents' ratings by the hundred from one address.
      APPRAISAL_RESIDENT_RATE_PER_MINUTE: '10000',
      // Small chunks: the worker-kill fault finds the publication half done.
      APPRAISAL_PUBLISH_CHUNK: '10',
    }),
    batchActivity: appraisalPublication,
    async scopeFixtures(tier) {
      const year = new Date().getFullYear();
      const closes = `${year + 1}-06-30T23:59:59+08:00`;
      const cycle = await tier.call('appraisal', 'POST', '/cycles', {
        token: 'street',
        body: { unitCode: '310101002', year, ratingClosesAt: closes },
      });
      return {
        ids: cycle.status === 201 ? { cycles: String(cycle.body.id) } : ({} as Record<string, string>),
        bodies: { 'POST /cycles': { unitCode: '310101002', year: year + 1, ratingClosesAt: closes } },
        skip: {
          'GET /records/{workerId}': 'a performance record is built from workforce events only (no worker in this run)',
        },
      };
    },
  },
  {
    name: 'webhooks',
    entry: 'apps/webhooks/src/main.ts',
    schema: (run) => `wh_rel_${run}`,
    env: (run) => ({
      WEBHOOKS_DB_SCHEMA: `wh_rel_${run}`,
      WEBHOOKS_CONSUMER: `wh-rel-${run}`,
      // Receivers of the tier's subscriptions do not exist: give up on a delivery fast.
      WEBHOOKS_MAX_ATTEMPTS: '1',
      WEBHOOKS_TIMEOUT_MS: '500',
    }),
    async scopeFixtures(tier) {
      const created = await tier.call('webhooks', 'POST', '/subscriptions', {
        token: 'city',
        body: {
          name: `rel-${tier.run}`,
          url: 'http://127.0.0.1:9/hooks',
          eventTypes: ['cwp.workforce.worker.hired.v1'],
          unitScope: '310101002',
        },
      });
      return { ids: created.status === 201 ? { subscriptions: String(created.body.id) } : ({} as Record<string, string>), bodies: {} };
    },
  },
  {
    name: 'recruitment',
    entry: 'apps/recruitment/src/main.ts',
    schema: (run) => `rec_rel_${run}`,
    workflows: { dist: 'workflows/recruitment/dist/index.js', bundleVariable: 'RECRUITMENT_WORKFLOW_BUNDLE' },
    env: (run) => ({
      RECRUITMENT_DB_SCHEMA: `rec_rel_${run}`,
      RECRUITMENT_TASK_QUEUE: `rec-rel-${run}`,
      RECRUITMENT_STAFFING_CONSUMER: `rec-rel-staffing-${run}`,
      // The abuse suite posts public applications by the hundred from one address.
      RECRUITMENT_PUBLIC_RATE_PER_MINUTE: '10000',
      // Small chunks: the worker-kill fault finds the cancelled campaign's release half done.
      RECRUITMENT_STEP_CHUNK: '10',
    }),
    batchActivity: recruitmentCancellation,
    async scopeFixtures(tier) {
      // Vacancies come from workforce's staffing topic only: the run's projection row stands in for it.
      await tier.sql(
        `INSERT INTO rec_rel_${tier.run}.unit_staffing (unit_code, quota, headcount, vacancies, as_of) VALUES ('310101002', 50, 10, 40, now())
         ON CONFLICT (unit_code) DO NOTHING`,
      );
      const opening = newOpening(new Date().toISOString().slice(0, 10), [{ streetCode: '310101002', count: 2 }]);
      const campaign = await tier.call('recruitment', 'POST', '/campaigns', { token: 'district', body: opening });
      const application = (postId: string) => newApplication(postId, { name: '可靠性测试', nationalId: tier.nationalId() });
      const postId = String(campaign.body?.posts?.[0]?.postId ?? '');
      const applicant =
        campaign.status === 201
          ? await tier.call('recruitment', 'POST', `/campaigns/${campaign.body.id}/applicants`, {
              token: 'district',
              body: application(postId),
            })
          : undefined;
      const ids: Record<string, string> = {};
      if (campaign.status === 201) ids.campaigns = String(campaign.body.id);
      if (applicant?.status === 201) ids.applicants = String(applicant.body.id);
      return {
        ids,
        bodies: {
          'POST /campaigns': { ...opening, round: 2 },
          'POST /campaigns/{id}/applicants': application(postId),
          'POST /campaigns/{id}/street-posts': { streetCode: '310101002', postCategory: 'staff', count: 1 },
          'POST /campaigns/{id}/close-phase': { phase: 'registration' },
          'POST /campaigns/{id}/score-files': { kind: 'internship', csv: 'applicantId,score\n' },
          'POST /applicants/{id}/scores': { kind: 'internship', score: 80 },
          'POST /applicants/{id}/assessment': { passed: true },
          'POST /applicants/{id}/objection/decision': { upheld: false },
        },
        skip: {
          'POST /public/campaigns/{id}/applications':
            'the public application takes no operator token: anyone may apply in the window (issue 10)',
        },
      };
    },
  },
  {
    name: 'training',
    entry: 'apps/training/src/main.ts',
    schema: (run) => `train_rel_${run}`,
    workflows: { dist: 'workflows/training/dist/index.js', bundleVariable: 'TRAINING_WORKFLOW_BUNDLE' },
    env: (run) => ({
      TRAINING_DB_SCHEMA: `train_rel_${run}`,
      TRAINING_TASK_QUEUE: `train-rel-${run}`,
      TRAINING_WORKERS_CONSUMER: `train-rel-workers-${run}`,
      TRAINING_COMPLIANCE_SCHEDULE: 'false',
      // Small chunks: the worker-kill fault finds the run half done.
      TRAINING_COMPLIANCE_CHUNK: '10',
    }),
    batchActivity: trainingCompliance,
    async scopeFixtures(tier) {
      // The roster is built only from workforce events: two trainees in 南京东路街道, written directly
      // (plans marked started, so the reconciler starts no development-plan workflow for them).
      const senior = `rel-${tier.run}-senior`;
      const newcomer = `rel-${tier.run}-newcomer`;
      await tier.sql(
        `INSERT INTO train_rel_${tier.run}.trainees (worker_id, unit_code, hired_on, workflow_started_at)
         VALUES ($1, '310101002001', $3, now()), ($2, '310101002001', $4, now())`,
        [senior, newcomer, daysFromToday(-3650), daysFromToday(-150)],
      );
      const course = await tier.call('training', 'POST', '/library', {
        token: 'city',
        body: {
          kind: 'course',
          title: '社区矛盾纠纷调解实务',
          module: 'dispute-mediation',
          step: 'professional',
          form: 'case-study',
          delivery: 'offline',
          hours: 8,
        },
      });
      const classBody = {
        courseId: course.body?.id,
        unitCode: '310101002',
        startsOn: daysFromToday(-10),
        endsOn: daysFromToday(-8),
        place: '南京东路街道社区学校',
        capacity: 20,
        offJob: false,
      };
      const cls = await tier.call('training', 'POST', '/classes', { token: 'street', body: classBody });
      const mentorship = await tier.call('training', 'POST', '/mentorships', {
        token: 'street',
        body: {
          mentorId: senior,
          menteeId: newcomer,
          objectives: ['独立主持居民议事会'],
          plan: '每月一次跟岗',
          startsOn: daysFromToday(-60),
          endsOn: daysFromToday(300),
        },
      });
      return {
        ids: {
          workerId: newcomer,
          ...(cls.status === 201 ? { classes: String(cls.body.id) } : {}),
          ...(mentorship.status === 201 ? { mentorships: String(mentorship.body.id) } : {}),
        },
        bodies: {
          'POST /classes': classBody,
          'POST /classes/{id}/enrolments': { workerIds: [newcomer] },
          'POST /classes/{id}/attendance': { records: [{ workerId: newcomer, attendedOn: daysFromToday(-9), hours: 2 }] },
          'POST /workers/{workerId}/four-ones': { item: 'study-visit', doneOn: daysFromToday(-5), evidence: '考察报告编号 REL-1' },
          'PUT /workers/{workerId}/education': { education: 'bachelor' },
          'POST /mentorships/{id}/check-ins': { onDate: daysFromToday(-1), note: '跟岗一次', objectivesMet: [0] },
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

/**
 * The review's database work on real PostgreSQL (QUOTA-5): chunked recomputation that resumes
 * after its last heartbeat without duplicating proposals, and idempotent decisions.
 */
import path from 'node:path';
import { workforceQuotaEventContracts } from '@cwp/contracts';
import { AuditTrail, OutboxWriter, testing } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { workforceMigrations } from '../../migrations';
import { loadReferenceData } from '../../org/reference-data';
import { QuotaReviewService } from './quota-review.service';

const TREE = path.resolve(__dirname, '../../../../../seeds/org-tree/shanghai.json');
const system = { sub: 'system', role: 'system', unit: '31' };

describe('quota review service (real PostgreSQL)', () => {
  let ds: testing.TestDataSource;
  let review: QuotaReviewService;
  let district: string;
  let grown: string[];

  beforeAll(async () => {
    ds = await testing.createTestDataSource({ schemaPrefix: 'wf_review_it', migrations: workforceMigrations });
    await loadReferenceData(ds, TREE, defaultPolicyCatalog(), 5);
    review = new QuotaReviewService(ds, new AuditTrail(ds), new OutboxWriter('workforce', workforceQuotaEventContracts), defaultPolicyCatalog());
    const [row] = (await ds.query("SELECT code FROM org_units WHERE kind = 'district' ORDER BY code LIMIT 1")) as Array<{ code: string }>;
    district = row!.code;
    // Every fifth area of the district grows: the review proposes a change for exactly those.
    const areas = (await ds.query("SELECT code FROM org_units WHERE kind = 'area' AND code LIKE $1 || '%' ORDER BY code", [district])) as Array<{ code: string }>;
    grown = areas.filter((_, i) => i % 5 === 0).map((a) => a.code);
    await ds.query('UPDATE org_units SET households = 4200, population = 9000 WHERE code = ANY($1::text[])', [grown]);
    await review.openReview(2050, 30);
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
  });

  it('QUOTA-5: recomputes the district in chunks, heartbeating the last code, and proposes only the grown areas', async () => {
    const beats: string[] = [];
    const proposals = await review.proposeForDistrict(2050, district, { chunkSize: 50, heartbeat: (code) => beats.push(code) });
    expect(proposals).toBe(grown.length);
    expect(beats.length).toBeGreaterThan(2);
    expect([...beats].sort()).toEqual(beats);
    const rows = (await ds.query('SELECT unit_code FROM quota_proposals WHERE year = 2050 ORDER BY unit_code')) as Array<{ unit_code: string }>;
    expect(rows.map((r) => r.unit_code)).toEqual(grown);
  });

  it('a retry resuming after a heartbeat (or from the start) adds no duplicate proposals', async () => {
    const resumed = await review.proposeForDistrict(2050, district, { chunkSize: 50, resumeAfter: grown[Math.floor(grown.length / 2)]! });
    const again = await review.proposeForDistrict(2050, district, { chunkSize: 50 });
    expect([resumed, again]).toEqual([grown.length, grown.length]);
    const [{ n }] = (await ds.query('SELECT count(*)::int AS n FROM quota_proposals WHERE year = 2050')) as Array<{ n: number }>;
    expect(n).toBe(grown.length);
  });

  it('a decision is recorded once: a repeated call (activity retry) changes nothing more', async () => {
    const first = await review.decideDistrict({ year: 2050, districtCode: district, outcome: 'approved', decidedBy: system });
    const second = await review.decideDistrict({ year: 2050, districtCode: district, outcome: 'rejected', decidedBy: system });
    expect(first).toEqual({ status: 'approved', applied: grown.length });
    expect(second).toEqual({ status: 'approved', applied: grown.length });
    const [{ n }] = (await ds.query("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.workforce.quota.changed.v1'")) as Array<{ n: number }>;
    expect(n).toBe(grown.length);
  });
});

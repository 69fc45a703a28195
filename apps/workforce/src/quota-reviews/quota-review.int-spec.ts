/**
 * The review's database work on real PostgreSQL (QUOTA-5): chunked recomputation that resumes
 * after its last heartbeat without duplicating proposals, and idempotent decisions.
 */
import { workforceQuotaEventContracts } from '@cwp/contracts';
import type { testing } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { loadReferenceData } from '../reference-data';
import { createWorkforceIntContext, ORG_TREE_FILE as TREE, type WorkforceIntContext } from '../testing';
import { QuotaReviewService } from './quota-review.service';
import { QuotaReviewsModule } from './quota-reviews.module';
import { QuotaReviewWorkflows } from './workflow/quota-review-workflows';
const system = { sub: 'system', role: 'system', unit: '31' };

describe('quota review service (real PostgreSQL)', () => {
  let ctx: WorkforceIntContext;
  let ds: testing.TestDataSource;
  let review: QuotaReviewService;
  let district: string;
  let grown: string[];

  beforeAll(async () => {
    // The database work only: the API's Temporal side (QuotaReviewWorkflows) is not under test.
    ctx = await createWorkforceIntContext({
      schemaPrefix: 'wf_review_it',
      imports: [QuotaReviewsModule],
      produces: workforceQuotaEventContracts,
      settings: { floatingQuotaPercent: 5 },
      override: (builder) => builder.overrideProvider(QuotaReviewWorkflows).useValue({}),
    });
    ds = ctx.ds;
    await loadReferenceData(ds, TREE, defaultPolicyCatalog(), 5);
    review = ctx.get(QuotaReviewService);
    const [row] = (await ds.query("SELECT code FROM org_units WHERE kind = 'district' ORDER BY code LIMIT 1")) as Array<{ code: string }>;
    district = row!.code;
    // Every fifth area of the district grows: the review proposes a change for exactly those.
    const areas = (await ds.query("SELECT code FROM org_units WHERE kind = 'area' AND code LIKE $1 || '%' ORDER BY code", [
      district,
    ])) as Array<{ code: string }>;
    grown = areas.filter((_, i) => i % 5 === 0).map((a) => a.code);
    await ds.query('UPDATE org_units SET households = 4200, population = 9000 WHERE code = ANY($1::text[])', [grown]);
    await review.openReview(2050, 30);
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('QUOTA-5: recomputes the district in chunks, heartbeating the last code, and proposes only the grown areas', async () => {
    const beats: string[] = [];
    const proposals = await review.proposeForDistrict(2050, district, { chunkSize: 50, heartbeat: (code) => beats.push(code) });
    expect(beats.length).toBeGreaterThan(2);
    expect([...beats].sort()).toEqual(beats);
    const rows = (await ds.query("SELECT unit_code FROM quota_proposals WHERE year = 2050 AND kind = 'area' ORDER BY unit_code")) as Array<{
      unit_code: string;
    }>;
    expect(rows.map((r) => r.unit_code)).toEqual(grown);
    const [{ floating }] = (await ds.query(
      "SELECT count(*)::int AS floating FROM quota_proposals WHERE year = 2050 AND kind = 'floating'",
    )) as Array<{ floating: number }>;
    expect(proposals).toBe(grown.length + floating);
  });

  it('QUOTA-4: a street whose areas grow gets its floating quota re-proposed at 5% of the new area quotas, rounded up', async () => {
    const rows = (await ds.query(
      `SELECT f.unit_code, f.value AS current, p.proposed_quota,
              (SELECT sum(coalesce(ap.proposed_quota, a.value)) FROM quotas a
                 LEFT JOIN quota_proposals ap ON ap.year = 2050 AND ap.kind = 'area' AND ap.unit_code = a.unit_code
                WHERE a.kind = 'area' AND left(a.unit_code, 9) = f.unit_code)::int AS area_sum
         FROM quotas f LEFT JOIN quota_proposals p ON p.year = 2050 AND p.kind = 'floating' AND p.unit_code = f.unit_code
        WHERE f.kind = 'floating' AND f.unit_code LIKE $1 || '%'`,
      [district],
    )) as Array<{ unit_code: string; current: number; proposed_quota: number | null; area_sum: number }>;
    for (const r of rows) {
      const target = Math.ceil((r.area_sum * 5) / 100);
      expect(r.proposed_quota ?? r.current).toBe(target);
    }
  });

  it('a retry resuming after a heartbeat (or from the start) adds no duplicate proposals', async () => {
    const resumed = await review.proposeForDistrict(2050, district, { chunkSize: 50, resumeAfter: grown[Math.floor(grown.length / 2)]! });
    const again = await review.proposeForDistrict(2050, district, { chunkSize: 50 });
    const [{ n }] = (await ds.query("SELECT count(*)::int AS n FROM quota_proposals WHERE year = 2050 AND kind = 'area'")) as Array<{
      n: number;
    }>;
    expect(n).toBe(grown.length);
    expect(resumed).toBe(again);
  });

  it('a decision is recorded once: a repeated call (activity retry) changes nothing more', async () => {
    const [{ total }] = (await ds.query('SELECT count(*)::int AS total FROM quota_proposals WHERE year = 2050')) as Array<{
      total: number;
    }>;
    const first = await review.decideDistrict({ year: 2050, districtCode: district, outcome: 'approved', decidedBy: system });
    const second = await review.decideDistrict({ year: 2050, districtCode: district, outcome: 'rejected', decidedBy: system });
    expect(first).toEqual({ status: 'approved', applied: total });
    expect(second).toEqual({ status: 'approved', applied: total });
    const [{ n }] = (await ds.query("SELECT count(*)::int AS n FROM outbox WHERE event_type = 'cwp.workforce.quota.changed.v1'")) as Array<{
      n: number;
    }>;
    expect(n).toBe(total);
  });
});

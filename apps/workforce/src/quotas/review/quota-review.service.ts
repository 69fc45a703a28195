import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotaChangedContract, quotaReviewClosedContract, quotaReviewOpenedContract, type DistrictReviewStatus } from '@cwp/contracts';
import { AuditTrail, likePrefixPattern, OutboxWriter, type Principal } from '@cwp/platform';
import { shanghaiDate, type Explanation, type PolicyCatalog, type PolicyVersion } from '@cwp/policy';
import type { DecideDistrictInput, DecideDistrictResult, OpenReviewResult } from '@cwp/workforce-workflows';
import { POLICY_CATALOG, WORKFORCE_SETTINGS, type WorkforceSettings } from '../../org/reference-data';
import { insertProposals, proposeForAreas, proposeForCentres, proposeForFloating } from './quota-proposals';

/** Rows read (and proposals written) per chunk of a district's recomputation. */
export const REVIEW_CHUNK_SIZE = 500;

export interface ProposeOptions {
  /** Resume after this unit code (the last heartbeat of a failed attempt). */
  resumeAfter?: string;
  /** Called after each chunk with the last unit code done (Temporal heartbeat). */
  heartbeat?: (lastCode: string) => void;
  chunkSize?: number;
}

/**
 * The yearly quota review's database work (QUOTA-5), called by the workflow's activities. Every
 * method is idempotent on its rows, so Temporal can retry any of them.
 */
@Injectable()
export class QuotaReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
    @Inject(WORKFORCE_SETTINGS) private readonly settings: Pick<WorkforceSettings, 'floatingQuotaPercent'>,
  ) {}

  /** A review for a later year uses the parameters in force on its 1 January. */
  policyFor(year: number, now = new Date()): PolicyVersion {
    const today = shanghaiDate(now);
    const start = `${year}-01-01`;
    return this.catalog.inForce(start > today ? start : today);
  }

  async openReview(year: number, decisionDays: number): Promise<OpenReviewResult> {
    const policy = this.policyFor(year);
    const policyVersion = await this.dataSource.transaction(async (em) => {
      const [inserted] = (await em.query(
        "INSERT INTO quota_reviews (year, status, policy_version, decision_days) VALUES ($1, 'proposing', $2, $3) ON CONFLICT (year) DO NOTHING RETURNING year",
        [year, policy.id, decisionDays],
      )) as unknown[];
      if (inserted) {
        await this.outbox.append(em, { contract: quotaReviewOpenedContract, key: String(year), data: { year, policyVersion: policy.id, decisionDays } });
      }
      const [row] = (await em.query('SELECT policy_version FROM quota_reviews WHERE year = $1', [year])) as Array<{ policy_version: string }>;
      return row!.policy_version;
    });
    const districts = (await this.dataSource.query("SELECT code FROM org_units WHERE kind = 'district' ORDER BY code")) as Array<{ code: string }>;
    return { districts: districts.map((d) => d.code), policyVersion };
  }

  async proposeForDistrict(year: number, districtCode: string, options: ProposeOptions = {}): Promise<number> {
    const policy = await this.reviewPolicy(year);
    const chunkSize = options.chunkSize ?? REVIEW_CHUNK_SIZE;
    const prefix = likePrefixPattern(districtCode);
    let after = options.resumeAfter ?? districtCode;
    // Keyset pagination in code order: each chunk is a short index range scan, memory stays flat.
    for (;;) {
      const areas = (await this.dataSource.query(
        `SELECT u.code, u.households, q.value AS current FROM org_units u JOIN quotas q ON q.unit_code = u.code AND q.kind = 'area'
          WHERE u.code LIKE $1 AND u.code > $2 AND u.kind = 'area' ORDER BY u.code LIMIT $3`,
        [prefix, after, chunkSize],
      )) as Array<{ code: string; households: number; current: number }>;
      if (areas.length === 0) break;
      await this.dataSource.transaction((em) => insertProposals(em, year, districtCode, policy.id, proposeForAreas(policy, areas)));
      after = areas[areas.length - 1]!.code;
      options.heartbeat?.(after);
      if (areas.length < chunkSize) break;
    }
    const centres = (await this.dataSource.query("SELECT unit_code AS code, value AS current FROM quotas WHERE kind = 'centre' AND unit_code LIKE $1", [prefix])) as Array<{
      code: string;
      current: number;
    }>;
    // After the areas: each street's floating pool follows its areas' proposed (or current) quotas.
    const streets = (await this.dataSource.query(
      `SELECT f.unit_code AS code, f.value AS current, f.lent, count(a.unit_code)::int AS areas,
              coalesce(sum(coalesce(p.proposed_quota, a.value)), 0)::int AS "areaSum"
         FROM quotas f
         LEFT JOIN quotas a ON a.kind = 'area' AND left(a.unit_code, 9) = f.unit_code
         LEFT JOIN quota_proposals p ON p.year = $1 AND p.kind = 'area' AND p.unit_code = a.unit_code
        WHERE f.kind = 'floating' AND f.unit_code LIKE $2
        GROUP BY f.unit_code, f.value, f.lent`,
      [year, prefix],
    )) as Array<{ code: string; current: number; lent: number; areas: number; areaSum: number }>;
    return this.dataSource.transaction(async (em) => {
      await insertProposals(em, year, districtCode, policy.id, proposeForCentres(policy, centres));
      await insertProposals(em, year, districtCode, policy.id, proposeForFloating(policy, this.settings.floatingQuotaPercent, streets));
      const [{ n }] = (await em.query('SELECT count(*)::int AS n FROM quota_proposals WHERE year = $1 AND district_code = $2', [year, districtCode])) as Array<{ n: number }>;
      await em.query(
        `INSERT INTO quota_review_districts (year, district_code, status, proposals) VALUES ($1, $2, $3, $4)
         ON CONFLICT (year, district_code) DO UPDATE SET proposals = EXCLUDED.proposals, status = EXCLUDED.status
           WHERE quota_review_districts.status IN ('pending', 'no-changes')`,
        [year, districtCode, n > 0 ? 'pending' : 'no-changes', n],
      );
      return n;
    });
  }

  async startDecisionPeriod(year: number, deadlineAt: string): Promise<void> {
    await this.dataSource.query("UPDATE quota_reviews SET status = 'awaiting-decisions', deadline_at = $2 WHERE year = $1 AND status = 'proposing'", [year, deadlineAt]);
  }

  /** Records the district's decision once; approved or lapsed-approved proposals take effect now. */
  async decideDistrict(input: DecideDistrictInput): Promise<DecideDistrictResult> {
    const { year, districtCode, outcome } = input;
    const today = shanghaiDate(new Date());
    return this.dataSource.transaction(async (em) => {
      const [decided] = (await em.query(
        `UPDATE quota_review_districts SET status = $3, decided_by = $4, decided_at = now(), note = $5
          WHERE year = $1 AND district_code = $2 AND status = 'pending' RETURNING proposals`,
        [year, districtCode, outcome, input.decidedBy.sub, input.note ?? null],
      )) as [Array<{ proposals: number }>, number];
      if (decided.length === 0) {
        const [current] = (await em.query('SELECT status, applied FROM quota_review_districts WHERE year = $1 AND district_code = $2', [year, districtCode])) as Array<{
          status: DistrictReviewStatus;
          applied: number;
        }>;
        return { status: current?.status ?? 'no-changes', applied: current?.applied ?? 0 };
      }
      await em.query("UPDATE quota_proposals SET status = $3 WHERE year = $1 AND district_code = $2 AND status = 'proposed'", [year, districtCode, outcome]);
      const applied = outcome === 'rejected' ? 0 : await this.applyProposals(em, year, districtCode, outcome, today);
      await em.query('UPDATE quota_review_districts SET applied = $3 WHERE year = $1 AND district_code = $2', [year, districtCode, applied]);
      await this.audit.record(
        em,
        {
          action: `quota-review:${outcome}`,
          entity: 'quota_review_district',
          entityId: `${year}:${districtCode}`,
          before: { status: 'pending' },
          after: { status: outcome, proposals: decided[0]!.proposals, applied, ...(input.note ? { note: input.note } : {}) },
        },
        input.decidedBy as Principal,
      );
      return { status: outcome, applied };
    });
  }

  async closeReview(year: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const [closed] = (await em.query("UPDATE quota_reviews SET status = 'closed', closed_at = now() WHERE year = $1 AND status <> 'closed' RETURNING year", [year])) as [
        unknown[],
        number,
      ];
      if (closed.length === 0) return;
      const [p] = (await em.query(
        `SELECT count(*)::int AS proposals, count(*) FILTER (WHERE applied)::int AS applied, count(*) FILTER (WHERE status = 'rejected')::int AS rejected
           FROM quota_proposals WHERE year = $1`,
        [year],
      )) as Array<{ proposals: number; applied: number; rejected: number }>;
      const [d] = (await em.query(
        `SELECT count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
                count(*) FILTER (WHERE status = 'lapsed-approved')::int AS "lapsedApproved", count(*) FILTER (WHERE status = 'no-changes')::int AS "noChanges"
           FROM quota_review_districts WHERE year = $1`,
        [year],
      )) as Array<{ approved: number; rejected: number; lapsedApproved: number; noChanges: number }>;
      await this.outbox.append(em, { contract: quotaReviewClosedContract, key: String(year), data: { year, ...p!, districts: d! } });
    });
  }

  /**
   * Applies the district's accepted proposals in one set-based UPDATE. A quota that moved since it
   * was proposed (value no longer the proposal's current figure) is left alone.
   */
  private async applyProposals(em: import('typeorm').EntityManager, year: number, districtCode: string, outcome: string, today: string): Promise<number> {
    const [changed] = (await em.query(
      `UPDATE quotas q SET value = p.proposed_quota, min = coalesce(p.proposed_min, q.min), max = coalesce(p.proposed_max, q.max),
              explanation = p.explanation, policy_version = p.policy_version, effective_from = $4, version = q.version + 1, updated_at = now()
         FROM quota_proposals p
        WHERE p.year = $1 AND p.district_code = $2 AND p.status = $3 AND q.unit_code = p.unit_code AND q.kind = p.kind AND q.value = p.current_quota
          AND (q.kind <> 'floating' OR p.proposed_quota >= q.lent)
        RETURNING q.unit_code, q.kind, p.current_quota, q.value, p.explanation, p.policy_version`,
      [year, districtCode, outcome, today],
    )) as [Array<{ unit_code: string; kind: 'area' | 'centre' | 'floating'; current_quota: number; value: number; explanation: Explanation; policy_version: string }>, number];
    if (changed.length === 0) return 0;
    await em.query(
      'UPDATE quota_proposals p SET applied = true FROM unnest($2::text[], $3::text[]) AS c(unit_code, kind) WHERE p.year = $1 AND p.unit_code = c.unit_code AND p.kind = c.kind',
      [year, changed.map((c) => c.unit_code), changed.map((c) => c.kind)],
    );
    for (const c of changed) {
      await this.outbox.append(em, {
        contract: quotaChangedContract,
        key: c.unit_code,
        data: {
          unitCode: c.unit_code,
          kind: c.kind,
          districtCode,
          previousQuota: c.current_quota,
          quota: c.value,
          reason: outcome === 'approved' ? 'review-approved' : 'review-lapsed-approved',
          reviewYear: year,
          effectiveFrom: today,
          policyVersion: c.policy_version,
          rules: c.explanation.rules.map((r) => r.id),
        },
      });
    }
    return changed.length;
  }

  private async reviewPolicy(year: number): Promise<PolicyVersion> {
    const [row] = (await this.dataSource.query('SELECT policy_version FROM quota_reviews WHERE year = $1', [year])) as Array<{ policy_version: string }>;
    const policy = row && this.catalog.versions.find((v) => v.id === row.policy_version);
    return policy || this.policyFor(year);
  }
}

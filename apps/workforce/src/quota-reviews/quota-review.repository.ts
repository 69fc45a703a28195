import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DistrictReviewStatus } from '@cwp/contracts';
import { likePrefixPattern } from '@cwp/platform';
import type { AppliedProposal, NewProposal, ProposalRow, QuotaReviewRow, ReviewDistrictRow, ReviewTotals } from './quota-review.row';

/**
 * All SQL of the yearly quota review (QUOTA-5). It reads the quotas and units it reviews and
 * applies accepted proposals to `quotas` in one set-based UPDATE. Reads default to the
 * DataSource's manager; writes take the caller's transaction. Every write is idempotent on its
 * rows (ON CONFLICT / status guards), so the workflow's activities can be retried.
 */
@Injectable()
export class QuotaReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens the year's review once; true when this call created it. */
  async open(em: EntityManager, year: number, policyVersion: string, decisionDays: number): Promise<boolean> {
    const [inserted] = (await em.query(
      "INSERT INTO quota_reviews (year, status, policy_version, decision_days) VALUES ($1, 'proposing', $2, $3) ON CONFLICT (year) DO NOTHING RETURNING year",
      [year, policyVersion, decisionDays],
    )) as unknown[];
    return inserted !== undefined;
  }

  async policyVersion(year: number, em: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const [row] = (await em.query('SELECT policy_version FROM quota_reviews WHERE year = $1', [year])) as Array<{ policy_version: string }>;
    return row?.policy_version;
  }

  async find(year: number, em: EntityManager = this.dataSource.manager): Promise<QuotaReviewRow | undefined> {
    const [review] = (await em.query(
      'SELECT status, policy_version, decision_days, deadline_at, opened_at, closed_at FROM quota_reviews WHERE year = $1',
      [year],
    )) as QuotaReviewRow[];
    return review;
  }

  async districtCodes(em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = (await em.query("SELECT code FROM org_units WHERE kind = 'district' ORDER BY code")) as Array<{ code: string }>;
    return rows.map((r) => r.code);
  }

  /** A chunk of a district's areas after `after` in code order, with households and current quota (keyset scan). */
  async areasAfter(
    districtCode: string,
    after: string,
    limit: number,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ code: string; households: number; current: number }>> {
    return (await em.query(
      `SELECT u.code, u.households, q.value AS current FROM org_units u JOIN quotas q ON q.unit_code = u.code AND q.kind = 'area'
        WHERE u.code LIKE $1 AND u.code > $2 AND u.kind = 'area' ORDER BY u.code LIMIT $3`,
      [likePrefixPattern(districtCode), after, limit],
    )) as Array<{ code: string; households: number; current: number }>;
  }

  async centresOf(districtCode: string, em: EntityManager = this.dataSource.manager): Promise<Array<{ code: string; current: number }>> {
    return (await em.query("SELECT unit_code AS code, value AS current FROM quotas WHERE kind = 'centre' AND unit_code LIKE $1", [
      likePrefixPattern(districtCode),
    ])) as Array<{
      code: string;
      current: number;
    }>;
  }

  /** Each street's floating pool with its areas' proposed (or current) quotas summed. */
  async floatingPoolsOf(
    year: number,
    districtCode: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ code: string; current: number; lent: number; areas: number; areaSum: number }>> {
    return (await em.query(
      `SELECT f.unit_code AS code, f.value AS current, f.lent, count(a.unit_code)::int AS areas,
              coalesce(sum(coalesce(p.proposed_quota, a.value)), 0)::int AS "areaSum"
         FROM quotas f
         LEFT JOIN quotas a ON a.kind = 'area' AND left(a.unit_code, 9) = f.unit_code
         LEFT JOIN quota_proposals p ON p.year = $1 AND p.kind = 'area' AND p.unit_code = a.unit_code
        WHERE f.kind = 'floating' AND f.unit_code LIKE $2
        GROUP BY f.unit_code, f.value, f.lent`,
      [year, likePrefixPattern(districtCode)],
    )) as Array<{ code: string; current: number; lent: number; areas: number; areaSum: number }>;
  }

  /** One multi-row insert per chunk; a retried chunk inserts nothing twice. */
  async insertProposals(
    em: EntityManager,
    year: number,
    districtCode: string,
    policyVersion: string,
    rows: readonly NewProposal[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO quota_proposals (year, district_code, policy_version, status, unit_code, kind, current_quota, proposed_quota, proposed_min, proposed_max, households, explanation)
       SELECT $1, $2, $3, 'proposed', p.* FROM unnest($4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[], $11::jsonb[])
         AS p(unit_code, kind, current_quota, proposed_quota, proposed_min, proposed_max, households, explanation)
       ON CONFLICT (year, unit_code, kind) DO NOTHING`,
      [
        year,
        districtCode,
        policyVersion,
        rows.map((r) => r.unitCode),
        rows.map((r) => r.kind),
        rows.map((r) => r.currentQuota),
        rows.map((r) => r.proposedQuota),
        rows.map((r) => r.proposedMin),
        rows.map((r) => r.proposedMax),
        rows.map((r) => r.households),
        rows.map((r) => JSON.stringify(r.explanation)),
      ],
    );
  }

  async countProposals(em: EntityManager, year: number, districtCode: string): Promise<number> {
    const [{ n }] = (await em.query('SELECT count(*)::int AS n FROM quota_proposals WHERE year = $1 AND district_code = $2', [
      year,
      districtCode,
    ])) as Array<{ n: number }>;
    return n;
  }

  /** The district's row: pending with its proposals, or no-changes; a decided district is left alone. */
  async recordDistrict(em: EntityManager, year: number, districtCode: string, proposals: number): Promise<void> {
    await em.query(
      `INSERT INTO quota_review_districts (year, district_code, status, proposals) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year, district_code) DO UPDATE SET proposals = EXCLUDED.proposals, status = EXCLUDED.status
         WHERE quota_review_districts.status IN ('pending', 'no-changes')`,
      [year, districtCode, proposals > 0 ? 'pending' : 'no-changes', proposals],
    );
  }

  async startDecisionPeriod(year: number, deadlineAt: string, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.query("UPDATE quota_reviews SET status = 'awaiting-decisions', deadline_at = $2 WHERE year = $1 AND status = 'proposing'", [
      year,
      deadlineAt,
    ]);
  }

  /** Records a pending district's decision; undefined when it was no longer pending. */
  async decideDistrict(
    em: EntityManager,
    decision: { year: number; districtCode: string; outcome: DistrictReviewStatus; decidedBy: string; note: string | null },
  ): Promise<{ proposals: number } | undefined> {
    const [decided] = (await em.query(
      `UPDATE quota_review_districts SET status = $3, decided_by = $4, decided_at = now(), note = $5
        WHERE year = $1 AND district_code = $2 AND status = 'pending' RETURNING proposals`,
      [decision.year, decision.districtCode, decision.outcome, decision.decidedBy, decision.note],
    )) as [Array<{ proposals: number }>, number];
    return decided[0];
  }

  async districtState(
    em: EntityManager,
    year: number,
    districtCode: string,
  ): Promise<{ status: DistrictReviewStatus; applied: number } | undefined> {
    const [current] = (await em.query('SELECT status, applied FROM quota_review_districts WHERE year = $1 AND district_code = $2', [
      year,
      districtCode,
    ])) as Array<{
      status: DistrictReviewStatus;
      applied: number;
    }>;
    return current;
  }

  async markProposals(em: EntityManager, year: number, districtCode: string, outcome: DistrictReviewStatus): Promise<void> {
    await em.query("UPDATE quota_proposals SET status = $3 WHERE year = $1 AND district_code = $2 AND status = 'proposed'", [
      year,
      districtCode,
      outcome,
    ]);
  }

  async setApplied(em: EntityManager, year: number, districtCode: string, applied: number): Promise<void> {
    await em.query('UPDATE quota_review_districts SET applied = $3 WHERE year = $1 AND district_code = $2', [year, districtCode, applied]);
  }

  /**
   * Applies the district's accepted proposals in one set-based UPDATE and marks them applied. A
   * quota that moved since it was proposed (value no longer the proposal's current figure) is left
   * alone; a floating pool is never set below what is lent out.
   */
  async applyProposals(
    em: EntityManager,
    year: number,
    districtCode: string,
    outcome: DistrictReviewStatus,
    effectiveFrom: string,
  ): Promise<AppliedProposal[]> {
    const [changed] = (await em.query(
      `UPDATE quotas q SET value = p.proposed_quota, min = coalesce(p.proposed_min, q.min), max = coalesce(p.proposed_max, q.max),
              explanation = p.explanation, policy_version = p.policy_version, effective_from = $4, version = q.version + 1, updated_at = now()
         FROM quota_proposals p
        WHERE p.year = $1 AND p.district_code = $2 AND p.status = $3 AND q.unit_code = p.unit_code AND q.kind = p.kind AND q.value = p.current_quota
          AND (q.kind <> 'floating' OR p.proposed_quota >= q.lent)
        RETURNING q.unit_code, q.kind, p.current_quota, q.value, p.explanation, p.policy_version`,
      [year, districtCode, outcome, effectiveFrom],
    )) as [AppliedProposal[], number];
    if (changed.length === 0) return [];
    await em.query(
      'UPDATE quota_proposals p SET applied = true FROM unnest($2::text[], $3::text[]) AS c(unit_code, kind) WHERE p.year = $1 AND p.unit_code = c.unit_code AND p.kind = c.kind',
      [year, changed.map((c) => c.unit_code), changed.map((c) => c.kind)],
    );
    return changed;
  }

  /** Closes the review once; false when it was closed already. */
  async close(em: EntityManager, year: number): Promise<boolean> {
    const [closed] = (await em.query(
      "UPDATE quota_reviews SET status = 'closed', closed_at = now() WHERE year = $1 AND status <> 'closed' RETURNING year",
      [year],
    )) as [unknown[], number];
    return closed.length > 0;
  }

  async totals(em: EntityManager, year: number): Promise<ReviewTotals> {
    const [proposals] = (await em.query(
      `SELECT count(*)::int AS proposals, count(*) FILTER (WHERE applied)::int AS applied, count(*) FILTER (WHERE status = 'rejected')::int AS rejected
         FROM quota_proposals WHERE year = $1`,
      [year],
    )) as Array<ReviewTotals['proposals']>;
    const [districts] = (await em.query(
      `SELECT count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE status = 'lapsed-approved')::int AS "lapsedApproved", count(*) FILTER (WHERE status = 'no-changes')::int AS "noChanges"
         FROM quota_review_districts WHERE year = $1`,
      [year],
    )) as Array<ReviewTotals['districts']>;
    return { proposals: proposals!, districts: districts! };
  }

  /** The district rows under a scope (a district code, or the city's `31`), in code order. */
  async districtsWithin(year: number, scope: string, em: EntityManager = this.dataSource.manager): Promise<ReviewDistrictRow[]> {
    return (await em.query(
      `SELECT district_code, status, proposals, applied, decided_by, decided_at, note FROM quota_review_districts
        WHERE year = $1 AND district_code LIKE $2 ORDER BY district_code`,
      [year, likePrefixPattern(scope)],
    )) as ReviewDistrictRow[];
  }

  /** Proposals of units under `base` (at most 2,000, in code order). */
  async proposalsWithin(year: number, base: string, em: EntityManager = this.dataSource.manager): Promise<ProposalRow[]> {
    return (await em.query(
      `SELECT unit_code, kind, district_code, current_quota, proposed_quota, households, status, applied, explanation
         FROM quota_proposals WHERE year = $1 AND unit_code LIKE $2 ORDER BY unit_code LIMIT 2000`,
      [year, likePrefixPattern(base)],
    )) as ProposalRow[];
  }
}

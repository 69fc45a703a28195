import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { quotaChangedContract, quotaReviewClosedContract, quotaReviewOpenedContract } from '@cwp/contracts';
import { AuditTrail, OutboxWriter, POLICY_CATALOG, type Principal } from '@cwp/platform';
import { shanghaiDate, type PolicyCatalog, type PolicyVersion } from '@cwp/policy';
import type { DecideDistrictInput, DecideDistrictResult, OpenReviewResult } from '@cwp/workforce-workflows';
import { WORKFORCE_SETTINGS, type WorkforceSettings } from '../core';
import { proposeForAreas, proposeForCentres, proposeForFloating } from './quota-proposals';
import { QuotaReviewRepository } from './quota-review.repository';

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
    private readonly repository: QuotaReviewRepository,
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
      if (await this.repository.open(em, year, policy.id, decisionDays)) {
        await this.outbox.append(em, {
          contract: quotaReviewOpenedContract,
          key: String(year),
          data: { year, policyVersion: policy.id, decisionDays },
        });
      }
      return (await this.repository.policyVersion(year, em))!;
    });
    return { districts: await this.repository.districtCodes(), policyVersion };
  }

  async proposeForDistrict(year: number, districtCode: string, options: ProposeOptions = {}): Promise<number> {
    const policy = await this.reviewPolicy(year);
    const chunkSize = options.chunkSize ?? REVIEW_CHUNK_SIZE;
    let after = options.resumeAfter ?? districtCode;
    // Keyset pagination in code order: each chunk is a short index range scan, memory stays flat.
    for (;;) {
      const areas = await this.repository.areasAfter(districtCode, after, chunkSize);
      if (areas.length === 0) break;
      await this.dataSource.transaction((em) =>
        this.repository.insertProposals(em, year, districtCode, policy.id, proposeForAreas(policy, areas)),
      );
      after = areas[areas.length - 1]!.code;
      options.heartbeat?.(after);
      if (areas.length < chunkSize) break;
    }
    const centres = await this.repository.centresOf(districtCode);
    // After the areas: each street's floating pool follows its areas' proposed (or current) quotas.
    const streets = await this.repository.floatingPoolsOf(year, districtCode);
    return this.dataSource.transaction(async (em) => {
      await this.repository.insertProposals(em, year, districtCode, policy.id, proposeForCentres(policy, centres));
      await this.repository.insertProposals(
        em,
        year,
        districtCode,
        policy.id,
        proposeForFloating(policy, this.settings.floatingQuotaPercent, streets),
      );
      const n = await this.repository.countProposals(em, year, districtCode);
      await this.repository.recordDistrict(em, year, districtCode, n);
      return n;
    });
  }

  async startDecisionPeriod(year: number, deadlineAt: string): Promise<void> {
    await this.repository.startDecisionPeriod(year, deadlineAt);
  }

  /** Records the district's decision once; approved or lapsed-approved proposals take effect now. */
  async decideDistrict(input: DecideDistrictInput): Promise<DecideDistrictResult> {
    const { year, districtCode, outcome } = input;
    const today = shanghaiDate(new Date());
    return this.dataSource.transaction(async (em) => {
      const decided = await this.repository.decideDistrict(em, {
        year,
        districtCode,
        outcome,
        decidedBy: input.decidedBy.sub,
        note: input.note ?? null,
      });
      if (!decided) {
        const current = await this.repository.districtState(em, year, districtCode);
        return { status: current?.status ?? 'no-changes', applied: current?.applied ?? 0 };
      }
      await this.repository.markProposals(em, year, districtCode, outcome);
      const applied = outcome === 'rejected' ? 0 : await this.applyProposals(em, year, districtCode, outcome, today);
      await this.repository.setApplied(em, year, districtCode, applied);
      await this.audit.record(
        em,
        {
          action: `quota-review:${outcome}`,
          entity: 'quota_review_district',
          entityId: `${year}:${districtCode}`,
          before: { status: 'pending' },
          after: { status: outcome, proposals: decided.proposals, applied, ...(input.note ? { note: input.note } : {}) },
        },
        input.decidedBy as Principal,
      );
      return { status: outcome, applied };
    });
  }

  async closeReview(year: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.close(em, year))) return;
      const { proposals, districts } = await this.repository.totals(em, year);
      await this.outbox.append(em, { contract: quotaReviewClosedContract, key: String(year), data: { year, ...proposals, districts } });
    });
  }

  /** Applies the accepted proposals (QuotaReviewRepository.applyProposals) and announces each changed quota. */
  private async applyProposals(
    em: EntityManager,
    year: number,
    districtCode: string,
    outcome: DecideDistrictInput['outcome'],
    today: string,
  ): Promise<number> {
    const changed = await this.repository.applyProposals(em, year, districtCode, outcome, today);
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
    const version = await this.repository.policyVersion(year);
    const policy = version && this.catalog.versions.find((v) => v.id === version);
    return policy || this.policyFor(year);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { quotaReviewWorkflowId } from '@cwp/contracts';
import { AuditTrail, DomainError, Jurisdiction, scopeOf, type Principal } from '@cwp/platform';
import { WORKFORCE_SETTINGS, type WorkforceSettings } from '../core';
import { QuotaReviewRepository } from './quota-review.repository';
import { QuotaReviewWorkflows } from './workflow/quota-review-workflows';
import type { QuotaProposalResponse, QuotaReviewDecisionDto, QuotaReviewResponse, StartQuotaReviewDto } from './quota-review.dto';

/** The operators' view of the yearly review (QUOTA-5): start on demand, status, proposals, decisions. */
@Injectable()
export class QuotaReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: QuotaReviewRepository,
    private readonly jurisdiction: Jurisdiction,
    private readonly audit: AuditTrail,
    private readonly workflows: QuotaReviewWorkflows,
    @Inject(WORKFORCE_SETTINGS) private readonly settings: WorkforceSettings,
  ) {}

  async start(dto: StartQuotaReviewDto, principal: Principal): Promise<{ year: number; workflowId: string; decisionDays: number }> {
    const decisionDays = dto.decisionDays ?? this.settings.quotaReviewDecisionDays;
    const workflowId = await this.workflows.start(dto.year, decisionDays);
    await this.dataSource.transaction((em) =>
      this.audit.record(
        em,
        { action: 'quota-review:start', entity: 'quota_review', entityId: String(dto.year), after: { year: dto.year, decisionDays } },
        principal,
      ),
    );
    return { year: dto.year, workflowId, decisionDays };
  }

  async status(year: number, principal: Principal): Promise<QuotaReviewResponse> {
    const review = await this.repository.find(year);
    const workflowId = quotaReviewWorkflowId(year);
    if (!review) {
      // Started but not yet recorded by its first activity: its workflow is running. A closed one
      // without a row (an earlier deployment's) is no review of this one.
      if (!(await this.workflows.isOpening(year))) throw DomainError.notFound('quota_review', String(year));
      return {
        year,
        workflowId,
        status: 'opening',
        policyVersion: null,
        decisionDays: null,
        deadlineAt: null,
        openedAt: null,
        closedAt: null,
        districts: [],
      };
    }
    const rows = await this.repository.districtsWithin(year, districtScope(principal));
    return {
      year,
      workflowId,
      status: review.status,
      policyVersion: review.policy_version,
      decisionDays: review.decision_days,
      deadlineAt: review.deadline_at?.toISOString() ?? null,
      openedAt: review.opened_at.toISOString(),
      closedAt: review.closed_at?.toISOString() ?? null,
      districts: rows.map((r) => ({
        districtCode: r.district_code,
        status: r.status,
        proposals: r.proposals,
        applied: r.applied,
        decidedBy: r.decided_by,
        decidedAt: r.decided_at?.toISOString() ?? null,
        note: r.note,
      })),
    };
  }

  async proposals(year: number, unit: string | undefined, principal: Principal): Promise<QuotaProposalResponse[]> {
    const base = unit ?? scopeOf(principal);
    await this.jurisdiction.assertWithin(principal, base, { entity: 'org_unit', entityId: base });
    const rows = await this.repository.proposalsWithin(year, base);
    return rows.map((r) => ({
      unitCode: r.unit_code,
      kind: r.kind,
      districtCode: r.district_code,
      currentQuota: r.current_quota,
      proposedQuota: r.proposed_quota,
      households: r.households,
      status: r.status,
      applied: r.applied,
      explanation: r.explanation,
    }));
  }

  /** A district operator decides for its own district, a city operator for any (ORG-2). */
  async decide(year: number, districtCode: string, dto: QuotaReviewDecisionDto, principal: Principal) {
    await this.jurisdiction.assertWithin(principal, districtCode, {
      entity: 'quota_review_district',
      entityId: `${year}:${districtCode}`,
      action: 'decide',
    });
    if (districtCode.length !== 6) throw DomainError.validation('districtCode', `${districtCode} is not a district`);
    return this.workflows.decide(year, {
      districtCode,
      decision: dto.decision,
      ...(dto.note !== undefined ? { note: dto.note } : {}),
      decidedBy: { sub: principal.sub, role: principal.role, unit: principal.unit },
    });
  }
}

/** The district rows a caller sees: all for the city, its district for a district or street operator. */
function districtScope(principal: Principal): string {
  const scope = scopeOf(principal);
  return scope.length > 6 ? scope.slice(0, 6) : scope;
}

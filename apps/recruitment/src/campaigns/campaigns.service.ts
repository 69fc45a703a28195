import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { campaignOpenedContract, campaignPhaseChangedContract, type CampaignPhase } from '@cwp/contracts';
import { AuditTrail, DomainError, ErrorCode, OutboxWriter, POLICY_CATALOG, WorkflowStarter, decide, type Principal } from '@cwp/platform';
import type { PolicyCatalog } from '@cwp/policy';
import { RecruitmentError } from '../core';
import { StaffingRepository } from '../staffing';
import { CampaignAccess } from './campaign-access';
import { CAMPAIGN_AUDIT_ENTITY, campaignAuditView } from './campaign-audit';
import { campaignEventData } from './campaign-event-data';
import {
  toCampaignResponse,
  type CampaignListResponse,
  type CampaignResponse,
  type ListCampaignsQueryDto,
  type OpenCampaignDto,
} from './campaign.dto';
import { CampaignRepository } from './campaign.repository';
import type { CampaignPostRow, NewCampaignRow } from './campaign.row';
import { checkRound, roundProblemMessage } from './rules/round-check';
import { streetsOverVacancies } from './rules/plan-check';
import { CampaignWorkflow } from './workflow/campaign-workflow';

/** The campaign workflow acts as the system. */
const SYSTEM: Principal = { sub: 'recruitment-campaign-workflow', role: 'system', unit: '31' };

/** The date fields of an opening, in the order they must follow one another. */
const DATE_ORDER = [
  'registrationOpensOn',
  'registrationClosesOn',
  'internshipStartsOn',
  'internshipEndsOn',
  'writtenExamOn',
  'interviewOn',
] as const;

/** Opening, reading and listing campaigns (REC-1, REC-2, REC-3, REC-5). */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CampaignRepository,
    private readonly staffing: StaffingRepository,
    private readonly access: CampaignAccess,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly starter: WorkflowStarter,
    private readonly workflow: CampaignWorkflow,
    @Inject(POLICY_CATALOG) private readonly policies: PolicyCatalog,
  ) {}

  async open(dto: OpenCampaignDto, principal: Principal): Promise<CampaignResponse> {
    await this.access.openingDistrict(principal, dto.districtCode, 'districtCode');
    for (let i = 1; i < DATE_ORDER.length; i++) {
      const [before, field] = [DATE_ORDER[i - 1]!, DATE_ORDER[i]!];
      const sameDayAllowed = field === 'registrationClosesOn' || field === 'internshipEndsOn';
      if (dto[field] < dto[before] || (!sameDayAllowed && dto[field] === dto[before]))
        throw DomainError.validation(field, `${field} ${dto[field]} must come after ${before} ${dto[before]}`);
    }
    dto.posts.forEach((p, i) => this.access.plannedStreet(dto.districtCode, p.streetCode, `posts[${i}].streetCode`));

    const policy = decide(() => this.policies.inForce(dto.registrationOpensOn), { dateField: 'registrationOpensOn' });
    const minimumPublicity = policy.recruitment.publicityDays;
    const publicityDays = dto.publicityDays ?? minimumPublicity;
    if (publicityDays < minimumPublicity)
      throw DomainError.validation('publicityDays', `publicityDays ${publicityDays} is below the ${minimumPublicity} days of REC-7`);
    const year = Number(dto.registrationOpensOn.slice(0, 4));

    const id = randomUUID();
    const posts: CampaignPostRow[] = dto.posts.map((p) => ({
      id: randomUUID(),
      campaignId: id,
      streetCode: p.streetCode,
      postCategory: p.postCategory,
      count: p.count,
      requiredQualification: p.requiredQualification ?? null,
      streetSelected: false,
    }));

    const saved = await this.dataSource.transaction(async (em) => {
      // One opening per district at a time: the rounds and the vacancies are read and used under this lock.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`recruitment-campaign:${dto.districtCode}`]);
      const held = await this.repository.roundsHeld(dto.districtCode, year, em);
      const round = checkRound(policy, dto.round, held);
      if (!round.ok) {
        throw new DomainError(RecruitmentError.ROUNDS_EXCEEDED, roundProblemMessage(round.problem, year), {
          field: 'round',
          details: { rule: 'REC-2', year, ...round.problem, policyVersion: policy.id },
        });
      }
      await this.checkVacancies(em, posts);
      const row: NewCampaignRow = {
        id,
        districtCode: dto.districtCode,
        year,
        round: dto.round,
        phase: 'registration',
        policyVersion: policy.id,
        roundsExplanation: round.explanation,
        registrationOpensOn: dto.registrationOpensOn,
        registrationClosesOn: dto.registrationClosesOn,
        internshipStartsOn: dto.internshipStartsOn,
        internshipEndsOn: dto.internshipEndsOn,
        writtenExamOn: dto.writtenExamOn,
        interviewOn: dto.interviewOn,
        publicityDays,
        workflowStartedAt: null,
        createdBy: principal.sub,
        version: 1,
      };
      if (!(await this.repository.insert(em, row, posts))) {
        throw new DomainError(ErrorCode.DUPLICATE, `District ${dto.districtCode} already has round ${dto.round} of ${year}`, {
          field: 'round',
          details: { year, round: dto.round },
        });
      }
      await this.audit.record(
        em,
        { action: 'open', entity: CAMPAIGN_AUDIT_ENTITY, entityId: id, after: campaignAuditView(row, posts) },
        principal,
      );
      await this.outbox.append(em, { contract: campaignOpenedContract, key: id, data: campaignEventData.opened(row, posts) });
      return (await this.repository.findById(id, em))!;
    });
    // Never throws, never waits on a Temporal outage: what it cannot start, the reconciler will.
    await this.starter.startAfterCommit(this.workflow, saved);
    return toCampaignResponse(saved, posts);
  }

  async get(id: string, principal: Principal): Promise<CampaignResponse> {
    const row = await this.access.readable(id, principal);
    return toCampaignResponse(row, await this.repository.postsOf(id));
  }

  async list(query: ListCampaignsQueryDto, principal: Principal): Promise<CampaignListResponse> {
    const rows = await this.repository.search(principal, query.year);
    const posts = await this.repository.postsOfEach(rows.map((r) => r.id));
    return { items: rows.map((r) => toCampaignResponse(r, posts.get(r.id) ?? [])) };
  }

  /** The workflow's phase change: row, audit and `campaign.phase-changed` together; a repeat is a no-op. */
  async enterPhase(campaignId: string, phase: CampaignPhase): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const changed = await this.repository.setPhase(em, campaignId, phase);
      if (!changed) return;
      await this.audit.record(
        em,
        { action: 'phase', entity: CAMPAIGN_AUDIT_ENTITY, entityId: campaignId, before: { phase: changed.before }, after: { phase } },
        SYSTEM,
      );
      await this.outbox.append(em, {
        contract: campaignPhaseChangedContract,
        key: campaignId,
        data: campaignEventData.phaseChanged(changed.after, changed.before, changed.after.updatedAt),
      });
    });
  }

  /** Planned posts ≤ each street's vacancies as the workforce service published them, less other campaigns' posts. */
  private async checkVacancies(em: import('typeorm').EntityManager, posts: readonly CampaignPostRow[]): Promise<void> {
    const planned = new Map<string, number>();
    for (const p of posts) planned.set(p.streetCode, (planned.get(p.streetCode) ?? 0) + p.count);
    const streets = [...planned.keys()];
    const [vacancies, elsewhere] = await Promise.all([
      this.staffing.vacanciesOfStreets(streets, em),
      this.repository.plannedElsewhere(streets, em),
    ]);
    const over = streetsOverVacancies(
      streets.map((s) => ({
        streetCode: s,
        planned: planned.get(s)!,
        vacancies: vacancies.get(s) ?? 0,
        plannedElsewhere: elsewhere.get(s) ?? 0,
      })),
    );
    if (over.length > 0) {
      const first = over[0]!;
      const index = posts.findIndex((p) => p.streetCode === first.streetCode);
      throw new DomainError(
        RecruitmentError.PLAN_EXCEEDS_VACANCIES,
        `Street ${first.streetCode}: ${first.planned} posts planned (+${first.plannedElsewhere} in other running campaigns) exceed its ${first.vacancies} vacancies`,
        { field: `posts[${index}].count`, details: { streets: over } },
      );
    }
  }
}

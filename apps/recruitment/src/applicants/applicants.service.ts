import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { applicantRegisteredContract, type ApplicationChannel } from '@cwp/contracts';
import {
  AuditTrail,
  DomainError,
  ErrorCode,
  OutboxWriter,
  POLICY_CATALOG,
  PiiCipher,
  ServiceClock,
  decide,
  insertTogether,
  isUuid,
  type Principal,
} from '@cwp/platform';
import { checkEligibility, checkNationalId, maskNationalId, maskPhone, type PolicyCatalog } from '@cwp/policy';
import { CampaignRepository, type CampaignPostRow, type CampaignRow } from '../campaigns';
import { RecruitmentError } from '../core';
import { ReserveEntries } from '../reserve';
import { ApplicantAccess } from './applicant-access';
import { APPLICANT_AUDIT_ENTITY, applicantAuditView } from './applicant-audit';
import { applicantEventData } from './applicant-event-data';
import {
  toApplicantResponse,
  type ApplicantPageResponse,
  type ApplicantResponse,
  type ApplyDto,
  type InviteDto,
  type ListApplicantsQueryDto,
  type OperatorApplyDto,
  type PublicApplicationResponse,
} from './applicant.dto';
import { ApplicantRepository } from './applicant.repository';
import type { NewApplicantRow } from './applicant.row';
import { HARD_FAILURE_FIELD, HARD_FAILURE_RULE } from './rules/hard-failure-field';

/** Who applies, and the facts REC-4/REC-5 decide on: from the request, or from the talent pool's candidate event. */
type ApplicantPerson = Pick<
  NewApplicantRow,
  | 'name'
  | 'nationalIdEnc'
  | 'nationalIdMasked'
  | 'phoneEnc'
  | 'phoneMasked'
  | 'personRef'
  | 'birthDate'
  | 'gender'
  | 'education'
  | 'major'
  | 'freshGraduate'
  | 'certificates'
  | 'communityYears'
>;

/** Who recorded a public application in the audit trail (no operator: the person applied themself). */
const PUBLIC_APPLICANT: Principal = { sub: 'public-application', role: 'system', unit: '31' };

/** Applications (three ways in: public, operator, talent pool) with REC-4/REC-5 eligibility, and reads. */
@Injectable()
export class ApplicantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ApplicantRepository,
    private readonly campaigns: CampaignRepository,
    private readonly access: ApplicantAccess,
    private readonly reserve: ReserveEntries,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
    private readonly cipher: PiiCipher,
    private readonly clock: ServiceClock,
    @Inject(POLICY_CATALOG) private readonly policies: PolicyCatalog,
  ) {}

  /**
   * An operator enters an application on a person's behalf (during registration). Naming a
   * talent-pool entry makes it an application from the pool: the entry must be invitable by the
   * caller and be this person's (the same personRef), so the hire ends the right entry (POOL-3).
   */
  async apply(campaignId: string, dto: OperatorApplyDto, principal: Principal): Promise<ApplicantResponse> {
    const post = isUuid(dto.postId) ? await this.campaigns.findPost(dto.postId) : undefined;
    const campaign = await this.access.enteringFor(campaignId, post?.campaignId === campaignId ? post.streetCode : undefined, principal);
    const postRow = this.registrationPost(campaign, post);
    const person = this.personOf(dto);
    if (dto.talentPoolEntryId) {
      const invited = await this.reserve.invitable(dto.talentPoolEntryId, principal, this.clock.today());
      if (invited.personRef !== person.personRef)
        throw DomainError.validation('nationalId', `nationalId is not the person of talent-pool entry ${dto.talentPoolEntryId}`);
    }
    const row = await this.register(campaign, postRow, person, dto.talentPoolEntryId ? 'talent-pool' : 'operator', principal, {
      ...(dto.talentPoolEntryId ? { talentPoolEntryId: dto.talentPoolEntryId } : {}),
    });
    return toApplicantResponse((await this.repository.findById(row.id))!);
  }

  /**
   * Issue 10, the third way in: an operator invites a talent-pool entry into the campaign. The
   * person and the facts eligibility decides on come from the pool's candidate event (the
   * projection); an unknown or out-of-scope entry is 404, an ended one 409, both naming
   * `talentPoolEntryId`; REC-4/REC-5 eligibility as for any applicant.
   */
  async invite(campaignId: string, dto: InviteDto, principal: Principal): Promise<ApplicantResponse> {
    const post = isUuid(dto.postId) ? await this.campaigns.findPost(dto.postId) : undefined;
    const campaign = await this.access.enteringFor(campaignId, post?.campaignId === campaignId ? post.streetCode : undefined, principal);
    const postRow = this.registrationPost(campaign, post);
    const invited = await this.reserve.invitable(dto.talentPoolEntryId, principal, this.clock.today());
    const person: ApplicantPerson = {
      name: dto.name,
      nationalIdEnc: null,
      nationalIdMasked: null,
      phoneEnc: null,
      phoneMasked: null,
      personRef: invited.personRef,
      ...invited.facts,
      communityYears: dto.communityYears ?? 0,
    };
    const row = await this.register(campaign, postRow, person, 'talent-pool', principal, {
      talentPoolEntryId: dto.talentPoolEntryId,
      duplicateField: 'talentPoolEntryId',
    });
    return toApplicantResponse((await this.repository.findById(row.id))!);
  }

  /**
   * The public endpoint: no token, only while the registration window is open (Shanghai dates),
   * rate-limited per client address by PublicRateLimitGuard. An unknown campaign is 404.
   */
  async applyPublic(campaignId: string, dto: ApplyDto): Promise<PublicApplicationResponse> {
    const campaign = isUuid(campaignId) ? await this.campaigns.findById(campaignId) : undefined;
    if (!campaign) throw DomainError.notFound('Recruitment campaign', campaignId);
    const today = this.clock.today();
    if (campaign.phase !== 'registration' || today < campaign.registrationOpensOn || today > campaign.registrationClosesOn) {
      throw new DomainError(
        RecruitmentError.REGISTRATION_CLOSED,
        `Registration for this campaign is open ${campaign.registrationOpensOn} to ${campaign.registrationClosesOn}`,
        { details: { registrationOpensOn: campaign.registrationOpensOn, registrationClosesOn: campaign.registrationClosesOn, today } },
      );
    }
    const post = this.registrationPost(campaign, isUuid(dto.postId) ? await this.campaigns.findPost(dto.postId) : undefined);
    const row = await this.register(campaign, post, this.personOf(dto), 'public', PUBLIC_APPLICANT);
    return { id: row.id, status: row.status, eligibility: row.eligibility };
  }

  async get(id: string, principal: Principal): Promise<ApplicantResponse> {
    return toApplicantResponse(await this.access.visible(id, principal));
  }

  async list(campaignId: string, query: ListApplicantsQueryDto, principal: Principal): Promise<ApplicantPageResponse> {
    const { streetCode } = await this.access.listable(campaignId, principal);
    const { rows, total } = await this.repository.search({
      campaignId,
      page: query.page,
      pageSize: query.pageSize,
      ...(streetCode ? { streetCode } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    return { items: rows.map(toApplicantResponse), page: query.page, pageSize: query.pageSize, total };
  }

  /** The campaign must be in registration, and the post (looked up by the request's postId) one of its posts. */
  private registrationPost(campaign: CampaignRow, post: CampaignPostRow | undefined): CampaignPostRow {
    if (campaign.phase !== 'registration') {
      throw new DomainError(
        RecruitmentError.CAMPAIGN_PHASE,
        `Campaign ${campaign.id} is in ${campaign.phase}; applications need registration`,
        {
          details: { phase: campaign.phase, needed: 'registration' },
        },
      );
    }
    if (!post || post.campaignId !== campaign.id) throw DomainError.validation('postId', 'postId must be a post of this campaign');
    return post;
  }

  /** The person of a request that states their national ID (public and operator entries). */
  private personOf(dto: ApplyDto): ApplicantPerson {
    const id = checkNationalId(dto.nationalId, this.clock.now());
    if (!id.valid) throw DomainError.validation('nationalId', id.message);
    return {
      name: dto.name,
      nationalIdEnc: this.cipher.encrypt(id.normalized, 'national-id'),
      nationalIdMasked: maskNationalId(id.normalized),
      phoneEnc: dto.phone ? this.cipher.encrypt(dto.phone, 'phone') : null,
      phoneMasked: dto.phone ? maskPhone(dto.phone) : null,
      personRef: this.cipher.personRef(id.normalized),
      birthDate: id.birthDate,
      gender: dto.gender ?? id.sex,
      education: dto.education,
      major: dto.major ?? null,
      freshGraduate: dto.freshGraduate,
      certificates: [...(dto.certificates ?? [])].sort(),
      communityYears: dto.communityYears ?? 0,
    };
  }

  /**
   * The one registration path of the three ways in: REC-4/REC-5 eligibility (a hard failure
   * refuses, naming the rule and the field), then row + audit + `applicant.registered` in one
   * statement (`insertTogether`). One application per person per campaign by personRef (409 on `duplicateField`).
   */
  private async register(
    campaign: CampaignRow,
    post: CampaignPostRow,
    person: ApplicantPerson,
    channel: ApplicationChannel,
    principal: Principal,
    options: { talentPoolEntryId?: string; duplicateField?: string } = {},
  ): Promise<NewApplicantRow> {
    const policy = decide(() => this.policies.byId(campaign.policyVersion));
    const today = this.clock.today();
    const eligibility = decide(() =>
      checkEligibility(
        policy,
        {
          birthDate: person.birthDate,
          education: person.education,
          ...(person.major ? { major: person.major } : {}),
          freshGraduate: person.freshGraduate,
          certificates: person.certificates,
          communityYears: person.communityYears,
        },
        post.requiredQualification ? { requiredQualification: post.requiredQualification } : {},
        today,
      ),
    );
    const failure = eligibility.value.hardFailures[0];
    if (failure) {
      throw new DomainError(
        RecruitmentError.NOT_ELIGIBLE,
        `Not eligible (${HARD_FAILURE_RULE[failure]} ${failure}): ${eligibility.explanation.steps
          .filter((s) => s.value === false && s.rule === HARD_FAILURE_RULE[failure])
          .map((s) => s.say)
          .join('; ')}`,
        {
          field: HARD_FAILURE_FIELD[failure],
          details: { rule: HARD_FAILURE_RULE[failure], hardFailures: eligibility.value.hardFailures, explanation: eligibility.explanation },
        },
      );
    }

    const row: NewApplicantRow = {
      id: randomUUID(),
      campaignId: campaign.id,
      postId: post.id,
      streetCode: post.streetCode,
      channel,
      status: 'registered',
      ...person,
      talentPoolEntryId: options.talentPoolEntryId ?? null,
      eligibility: { value: eligibility.value, explanation: eligibility.explanation },
      preferenceRank: eligibility.value.preferenceRank,
      registeredOn: today,
      createdBy: principal.sub,
      version: 1,
    };
    // Row, audit row and event in one statement (a burst of public applications at a campaign's
    // opening is this service's hottest write; issue 15).
    const inserted = await insertTogether(this.dataSource, this.repository.insertStatement(row), [
      this.audit.changeRow(
        { action: 'apply', entity: APPLICANT_AUDIT_ENTITY, entityId: row.id, after: applicantAuditView(row) },
        principal,
      ),
      this.outbox.eventRow({ contract: applicantRegisteredContract, key: row.id, data: applicantEventData.registered(row) }).row,
    ]);
    if (!inserted) {
      throw new DomainError(ErrorCode.DUPLICATE, 'This person has already applied to this campaign', {
        field: options.duplicateField ?? 'nationalId',
        details: { campaignId: campaign.id },
      });
    }
    return row;
  }
}

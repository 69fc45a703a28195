import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  SCORE_PHASE,
  cancelCampaignUpdate,
  closePhaseUpdate,
  decideObjectionUpdate,
  fileObjectionUpdate,
  internDroppedOutUpdate,
  recordAssessmentUpdate,
  recordScoreUpdate,
  recruitmentCampaignWorkflowId,
  type OperatorRef,
  type RecruitmentCampaignState,
} from '@cwp/contracts';
import { AuditTrail, DomainError, ErrorCode, readXlsxRows, type Principal } from '@cwp/platform';
import { APPLICANT_AUDIT_ENTITY, ApplicantAccess, ApplicantRepository } from '../applicants';
import { CampaignAccess } from '../campaigns';
import { RecruitmentError } from '../core';
import { parseScoreCsv, parseScoreXlsx } from './rules/score-file';
import type { AssessmentDto, ClosePhaseDto, ObjectionDecisionDto, ScoreDto, ScoreFileDto } from './selection.dto';

const STATUS_OF_KIND = { internship: 'interning', written: 'examining', interview: 'examining' } as const;
const FIELD_MESSAGE = /^([A-Za-z]+): (.*)$/s;

/**
 * Operators drive a campaign through its workflow's updates (REC-1..7): the workflow's validators
 * refuse bad input before anything is recorded, its activities write the rows. Bulk score files
 * are validated row by row here and stored in one transaction (all or nothing).
 */
@Injectable()
export class SelectionService {
  constructor(
    private readonly client: Client,
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignAccess,
    private readonly applicants: ApplicantAccess,
    private readonly repository: ApplicantRepository,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * The workflow's state with the phase the campaign's row has: the workflow names its next phase
   * before the activity that writes the row commits, and files, applications and scores are
   * checked against the row. Read after the query, the row's phase is never behind what the
   * workflow had committed, so a client that sees a phase here can act in it at once. That one
   * read is also the access check; when the query fails, the check comes first, so an unknown or
   * out-of-scope campaign is 404 (audited) whatever its workflow said.
   */
  async state(campaignId: string, principal: Principal): Promise<RecruitmentCampaignState> {
    let state: RecruitmentCampaignState;
    try {
      state = await this.send(campaignId, (h) => h.query<RecruitmentCampaignState>('recruitmentCampaignState'));
    } catch (error) {
      await this.campaigns.readable(campaignId, principal);
      throw error;
    }
    const row = await this.campaigns.readable(campaignId, principal);
    return { ...state, phase: row.phase };
  }

  async closePhase(campaignId: string, dto: ClosePhaseDto, principal: Principal): Promise<RecruitmentCampaignState> {
    await this.campaigns.manageable(campaignId, principal, 'close-phase');
    return this.send(campaignId, (h) => h.executeUpdate(closePhaseUpdate, { args: [{ phase: dto.phase, by: ref(principal) }] }));
  }

  /** The district cancels its campaign: the workflow runs the saga (refused once the appointment has begun). */
  async cancel(campaignId: string, principal: Principal): Promise<RecruitmentCampaignState> {
    await this.campaigns.manageable(campaignId, principal, 'cancel');
    return this.send(campaignId, (h) =>
      h.executeUpdate(cancelCampaignUpdate, { args: [{ reason: 'operator-decision', by: ref(principal) }] }),
    );
  }

  /** 考核 of a selected applicant, recorded by the district during the assessment phase. */
  async assess(applicantId: string, dto: AssessmentDto, principal: Principal): Promise<RecruitmentCampaignState> {
    const row = await this.applicants.manageable(applicantId, principal, 'assessment');
    return this.send(row.campaignId, (h) =>
      h.executeUpdate(recordAssessmentUpdate, { args: [{ applicantId, passed: dto.passed, by: ref(principal) }] }),
    );
  }

  /** One score. The internship evaluation may also come from the host street (REC-6). */
  async score(applicantId: string, dto: ScoreDto, principal: Principal): Promise<RecruitmentCampaignState> {
    const row =
      dto.kind === 'internship' && principal.role === 'street'
        ? await this.applicants.visible(applicantId, principal, 'score')
        : await this.applicants.manageable(applicantId, principal, 'score');
    return this.send(row.campaignId, (h) =>
      h.executeUpdate(recordScoreUpdate, { args: [{ applicantId, kind: dto.kind, score: dto.score, by: ref(principal) }] }),
    );
  }

  async dropOut(applicantId: string, principal: Principal): Promise<RecruitmentCampaignState> {
    const row = await this.applicants.visible(applicantId, principal, 'drop-out');
    if (principal.role !== 'street') await this.applicants.manageable(applicantId, principal, 'drop-out');
    return this.send(row.campaignId, (h) => h.executeUpdate(internDroppedOutUpdate, { args: [{ applicantId, by: ref(principal) }] }));
  }

  async fileObjection(applicantId: string, principal: Principal): Promise<RecruitmentCampaignState> {
    const row = await this.applicants.manageable(applicantId, principal, 'objection');
    return this.send(row.campaignId, (h) => h.executeUpdate(fileObjectionUpdate, { args: [{ applicantId, by: ref(principal) }] }));
  }

  async decideObjection(applicantId: string, dto: ObjectionDecisionDto, principal: Principal): Promise<RecruitmentCampaignState> {
    const row = await this.applicants.manageable(applicantId, principal, 'objection-decision');
    return this.send(row.campaignId, (h) =>
      h.executeUpdate(decideObjectionUpdate, { args: [{ applicantId, upheld: dto.upheld, by: ref(principal) }] }),
    );
  }

  /**
   * A bulk score file: every bad row is reported with its line number and nothing is stored;
   * rows naming an applicant not awaiting this score are bad rows too (the transaction rolls back).
   */
  async uploadScores(campaignId: string, dto: ScoreFileDto, principal: Principal): Promise<{ stored: number }> {
    const campaign = await this.campaigns.manageable(campaignId, principal, 'upload-scores');
    if ((dto.csv === undefined) === (dto.xlsx === undefined))
      throw DomainError.validation('csv', 'give the scores as csv or as xlsx (one of them)');
    const field = dto.csv !== undefined ? 'csv' : 'xlsx';
    const { lines, problems } =
      dto.csv !== undefined ? parseScoreCsv(dto.csv) : parseScoreXlsx(readXlsxRows(Buffer.from(dto.xlsx!, 'base64'), { field: 'xlsx' }));
    if (problems.length > 0) throw fileInvalid(problems, field);
    if (campaign.phase !== SCORE_PHASE[dto.kind]) {
      throw new DomainError(
        RecruitmentError.CAMPAIGN_PHASE,
        `${dto.kind} scores are recorded in the ${SCORE_PHASE[dto.kind]} phase; the campaign is in ${campaign.phase}`,
        {
          field: 'kind',
          details: { phase: campaign.phase, needed: SCORE_PHASE[dto.kind] },
        },
      );
    }
    return this.dataSource.transaction(async (em) => {
      const stored = new Set(await this.repository.setScores(em, campaignId, dto.kind, lines, [STATUS_OF_KIND[dto.kind]]));
      const missing = lines.filter((l) => !stored.has(l.applicantId));
      if (missing.length > 0) {
        throw fileInvalid(
          missing.map((l) => ({ line: l.line, field: 'applicantId', message: `no applicant of this campaign awaits a ${dto.kind} score` })),
          field,
        );
      }
      await this.audit.record(
        em,
        { action: `score-file-${dto.kind}`, entity: APPLICANT_AUDIT_ENTITY, entityId: campaignId, after: { rows: lines.length } },
        principal,
      );
      return { stored: lines.length };
    });
  }

  /** Sends to the campaign's workflow; a validator's or activity's refusal becomes a 4xx naming the field. */
  private async send<T>(campaignId: string, call: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<T>): Promise<T> {
    try {
      return await call(this.client.workflow.getHandle(recruitmentCampaignWorkflowId(campaignId)));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw new DomainError(RecruitmentError.CAMPAIGN_PHASE, `Campaign ${campaignId} is not running`, {});
      if (error instanceof WorkflowUpdateFailedError) throw refusal(innermostMessage(error));
      throw error;
    }
  }
}

function ref(principal: Principal): OperatorRef {
  return { sub: principal.sub, role: principal.role, unit: principal.unit };
}

function innermostMessage(error: Error): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** `field: message` from a validator or activity → 400 on that field; a phase refusal → 409. */
function refusal(message: string): DomainError {
  const match = FIELD_MESSAGE.exec(message);
  if (!match) return new DomainError(ErrorCode.CONFLICT, message, {});
  const [, field, text] = match as unknown as [string, string, string];
  if (field === 'phase' || text.includes('the campaign is in')) return new DomainError(RecruitmentError.CAMPAIGN_PHASE, text, { field });
  if (/^no (applicant|intern|selected|suspended|open)/.test(text)) return new DomainError(ErrorCode.NOT_FOUND, text, { field });
  return DomainError.validation(field, text);
}

function fileInvalid(problems: ReadonlyArray<{ line: number; field: string; message: string }>, field: 'csv' | 'xlsx'): DomainError {
  const first = problems[0]!;
  return new DomainError(RecruitmentError.SCORE_FILE_INVALID, `Line ${first.line}: ${first.message} (nothing of this file was stored)`, {
    field,
    details: { problems: problems.slice(0, 100), count: problems.length },
  });
}

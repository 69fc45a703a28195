import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { RECRUITMENT_CAMPAIGN_WORKFLOW_TYPE, recruitmentCampaignWorkflowId, type RecruitmentCampaignInput } from '@cwp/contracts';
import { CWP_SEARCH_ATTRIBUTES, WorkflowReconciler, type CommittedWorkflow, type WorkflowStartRequest } from '@cwp/platform';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../../core';
import { CampaignRepository } from '../campaign.repository';
import type { CampaignRow } from '../campaign.row';
import { phaseDeadlines } from '../rules/phase-deadlines';

/** The workflow input of a campaign: ids and deadlines only. */
export function campaignWorkflowInput(row: CampaignRow, settings: RecruitmentSettings): RecruitmentCampaignInput {
  return {
    campaignId: row.id,
    districtCode: row.districtCode,
    deadlines: phaseDeadlines(row, settings.assessmentDays, settings.phaseSeconds),
  };
}

/**
 * The campaign's timer follows its committed row (REC-1). CampaignsService starts it after the
 * opening commits, through the platform WorkflowStarter; the platform WorkflowReconciler starts
 * what a crash or an outage left unstarted. The business-key id makes a second start "already started".
 */
@Injectable()
export class CampaignWorkflow implements CommittedWorkflow<CampaignRow>, OnModuleInit {
  readonly name = 'recruitment-campaign';

  constructor(
    private readonly reconciler: WorkflowReconciler,
    private readonly repository: CampaignRepository,
    @Inject(RECRUITMENT_SETTINGS) private readonly settings: RecruitmentSettings,
  ) {}

  onModuleInit(): void {
    this.reconciler.register(this);
  }

  startOf(row: CampaignRow): WorkflowStartRequest {
    return {
      workflowType: RECRUITMENT_CAMPAIGN_WORKFLOW_TYPE,
      workflowId: recruitmentCampaignWorkflowId(row.id),
      taskQueue: this.settings.taskQueue,
      args: [campaignWorkflowInput(row, this.settings)],
      ...(this.settings.searchAttributes
        ? {
            typedSearchAttributes: [
              { key: CWP_SEARCH_ATTRIBUTES.unitCode, value: row.districtCode },
              { key: CWP_SEARCH_ATTRIBUTES.entityId, value: row.id },
            ],
          }
        : {}),
    };
  }

  unstarted(limit: number): Promise<CampaignRow[]> {
    return this.repository.withoutWorkflow(limit);
  }

  markStarted(row: CampaignRow): Promise<void> {
    return this.repository.markWorkflowStarted(row.id);
  }
}

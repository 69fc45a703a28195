import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { MENTORSHIP_WORKFLOW_TYPE, mentorshipWorkflowId, type MentorshipInput } from '@cwp/contracts';
import { WorkflowReconciler, type CommittedWorkflow, type WorkflowStartRequest } from '@cwp/platform';
import { TRAINING_SEARCH_ATTRIBUTES, TRAINING_SETTINGS, trainingWorkflowStart, type TrainingSettings } from '../../core';
import { MentorshipRepository } from '../mentorship.repository';
import type { MentorshipRow } from '../mentorship.row';

/**
 * A mentoring pair's reminder timer (TRAIN-9) follows the committed row: started after the create
 * commits through the platform WorkflowStarter, registered with the WorkflowReconciler (which also
 * starts the pairs created before the timer existed). Input: ids, dates and the period.
 */
@Injectable()
export class MentorshipWorkflow implements CommittedWorkflow<MentorshipRow>, OnModuleInit {
  readonly name = 'training-mentorship';

  constructor(
    private readonly reconciler: WorkflowReconciler,
    private readonly repository: MentorshipRepository,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
    @Inject(TRAINING_SEARCH_ATTRIBUTES) private readonly withSearchAttributes: boolean,
  ) {}

  onModuleInit(): void {
    this.reconciler.register(this);
  }

  startOf(row: MentorshipRow): WorkflowStartRequest {
    const input: MentorshipInput = {
      mentorshipId: row.id,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      checkinEveryDays: row.checkinEveryDays,
    };
    return trainingWorkflowStart({
      workflowType: MENTORSHIP_WORKFLOW_TYPE,
      workflowId: mentorshipWorkflowId(row.id),
      taskQueue: this.settings.taskQueue,
      args: [input],
      unitCode: row.unitCode,
      entityId: row.id,
      withSearchAttributes: this.withSearchAttributes,
    });
  }

  unstarted(limit: number): Promise<MentorshipRow[]> {
    return this.repository.withoutWorkflow(limit);
  }

  markStarted(row: MentorshipRow): Promise<void> {
    return this.repository.markWorkflowStarted(row.id);
  }
}

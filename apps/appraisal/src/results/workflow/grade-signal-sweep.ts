import { Injectable, type OnModuleInit } from '@nestjs/common';
import { WorkflowReconciler } from '@cwp/platform';
import { GradeSignals } from './grade-signals';

/**
 * Re-sends the published grades a record never heard (APPR-5): publication and an upheld appeal
 * commit first and signal after, so a Temporal outage in between leaves `signalled_at` NULL. A
 * sweep of the platform WorkflowReconciler: at boot, on its sweep and as soon as Temporal is
 * reachable again, one pass at a time. Replicas may sweep together: the record ignores a grade it
 * already has for that year.
 */
@Injectable()
export class GradeSignalSweep implements OnModuleInit {
  static readonly sweepName = 'appraisal-grade-signals';

  constructor(
    private readonly reconciler: WorkflowReconciler,
    private readonly signals: GradeSignals,
  ) {}

  onModuleInit(): void {
    this.reconciler.registerSweep(GradeSignalSweep.sweepName, async () => (await this.signals.deliverPending(null)).signalled);
  }
}

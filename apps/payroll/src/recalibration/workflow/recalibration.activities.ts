import { Context } from '@temporalio/activity';
import type { PayRecalibrationActivities } from '@cwp/payroll-workflows';
import type { RecalibrationRunner } from '../recalibration-runner.service';

/**
 * The recalibration workflow's activities bound to the runner that owns the rows (STYLE.md). The
 * apply heartbeats after every committed chunk; a retry continues with the lines not yet applied.
 */
export function createRecalibrationActivities(runner: RecalibrationRunner): PayRecalibrationActivities {
  return {
    openRecalibration: ({ payYear }) => runner.open(payYear),
    findReferenceWage: ({ payYear }) => runner.findReferenceWage(payYear),
    buildPreview: ({ payYear }) => runner.buildPreview(payYear),
    approvePreview: ({ payYear, previewId, approvedBy }) =>
      runner.approve(payYear, previewId, { sub: approvedBy.sub, role: approvedBy.role as 'city', unit: approvedBy.unit }),
    applyChunks: ({ payYear, previewId, chunkSize, maxChunks }) => {
      const context = Context.current();
      return runner.applyChunks(payYear, previewId, { chunkSize, maxChunks, heartbeat: (done) => context.heartbeat(done) });
    },
    finishRecalibration: ({ payYear, previewId }) => runner.finish(payYear, previewId),
  };
}

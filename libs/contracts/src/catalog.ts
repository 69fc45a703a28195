/**
 * Every event type the platform publishes, grouped by the service that produces it: the source of
 * the AsyncAPI document, of the exported JSON Schemas (libs/contracts/generated) and of the
 * compatibility check. A service's new contracts are added here, and `npm run contracts` writes
 * the documents again (a test fails until it has).
 */
import { appraisalEventContracts } from './appraisal/appraisal-events';
import type { EventContract } from './cloudevent';
import { payrollEventContracts } from './payroll/pay-events';
import { recruitmentEventContracts } from './recruitment/recruitment-events';
import { talentPoolEntryCandidateEventContracts, talentPoolEntryStateEventContracts, talentPoolEventContracts } from './talent-pool';
import { trainingEventContracts } from './training/training-events';
import { workforceQuotaEventContracts } from './workforce/quota-events';
import { workforceStaffingEventContracts } from './workforce/staffing-events';
import { workforceWorkerEventContracts } from './workforce/workers-events';
import { workforceWorkerStateEventContracts } from './workforce/worker-state-events';

export interface ServiceEvents {
  /** The producing service (apps/<service>). */
  readonly service: string;
  readonly produces: readonly EventContract[];
}

export const EVENT_CATALOG: readonly ServiceEvents[] = [
  {
    service: 'workforce',
    produces: [
      ...workforceWorkerEventContracts,
      ...workforceQuotaEventContracts,
      ...workforceStaffingEventContracts,
      ...workforceWorkerStateEventContracts,
    ],
  },
  {
    service: 'talent-pool',
    produces: [...talentPoolEventContracts, ...talentPoolEntryStateEventContracts, ...talentPoolEntryCandidateEventContracts],
  },
  { service: 'payroll', produces: payrollEventContracts },
  { service: 'appraisal', produces: appraisalEventContracts },
  { service: 'recruitment', produces: recruitmentEventContracts },
  { service: 'training', produces: trainingEventContracts },
];

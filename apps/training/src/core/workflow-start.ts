import { CWP_SEARCH_ATTRIBUTES, type WorkflowStartRequest } from '@cwp/platform';

/**
 * The start of one of the service's business-key workflows, with the platform's unit and entity
 * search attributes unless `withSearchAttributes` is false (Temporal's Java time-skipping test
 * server refuses attributes it was not told about).
 */
export function trainingWorkflowStart(start: {
  workflowType: string;
  workflowId: string;
  taskQueue: string;
  args: unknown[];
  unitCode: string;
  entityId: string;
  withSearchAttributes: boolean;
}): WorkflowStartRequest {
  const { unitCode, entityId, withSearchAttributes, ...request } = start;
  return {
    ...request,
    ...(withSearchAttributes
      ? {
          typedSearchAttributes: [
            { key: CWP_SEARCH_ATTRIBUTES.unitCode, value: unitCode },
            { key: CWP_SEARCH_ATTRIBUTES.entityId, value: entityId },
          ],
        }
      : {}),
  };
}

/** The names the talent-pool service publishes and the Temporal names it runs under. */

/** Kafka topic of entry events, keyed by entry id (order per entry). */
export const TALENT_POOL_ENTRIES_TOPIC = 'cwp.talent-pool.entries';

/** CloudEvents `source` of every talent-pool event. */
export const TALENT_POOL_EVENT_SOURCE = '/cwp/talent-pool';

export const TALENT_POOL_EVENT_TYPES = {
  registered: 'cwp.talentpool.entry.registered.v1',
  expiring: 'cwp.talentpool.entry.expiring.v1',
  expired: 'cwp.talentpool.entry.expired.v1',
  joined: 'cwp.talentpool.entry.joined.v1',
  withdrawn: 'cwp.talentpool.entry.withdrawn.v1',
} as const;
export type TalentPoolEventType = (typeof TALENT_POOL_EVENT_TYPES)[keyof typeof TALENT_POOL_EVENT_TYPES];

/** Default Temporal task queue of the talent-pool worker (tests and e2e override it via env). */
export const TALENT_POOL_TASK_QUEUE = 'talent-pool';

/** Workflow type name: the exported function name in @cwp/talent-pool-workflows. */
export const TALENT_POOL_ENTRY_WORKFLOW_TYPE = 'talentPoolEntryWorkflow';

const ENTRY_WORKFLOW_ID_PREFIX = 'talent-pool-entry:';

/** Business-key workflow id: one workflow per entry, so a duplicate start is impossible. */
export function talentPoolEntryWorkflowId(entryId: string): string {
  return `${ENTRY_WORKFLOW_ID_PREFIX}${entryId}`;
}

/** Search attributes set on every entry workflow (Keyword type on the server). */
export const TALENT_POOL_SEARCH_ATTRIBUTES = {
  unitCode: 'CwpUnitCode',
  entityId: 'CwpEntityId',
} as const;

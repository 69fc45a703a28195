/** The service settings features read (from config.ts, validated at boot). */
export interface TalentPoolSettings {
  /** Task queue of the entry workflows (and of this process's Temporal worker). */
  taskQueue: string;
  /** Inbox consumer name and Kafka group of the worker.hired handler. */
  hiredConsumer: string;
}

export const TALENT_POOL_SETTINGS = Symbol('TALENT_POOL_SETTINGS');

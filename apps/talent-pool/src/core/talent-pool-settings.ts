/** The service settings features read (from config.ts, validated at boot). */
export interface TalentPoolSettings {
  /** Task queue of the entry workflows (and of this process's Temporal worker). */
  taskQueue: string;
  /** How often the reconciler starts workflows a crash or an outage left unstarted (0 = at boot only). */
  reconcileSeconds: number;
  /** Inbox consumer name and Kafka group of the worker.hired handler. */
  hiredConsumer: string;
}

export const TALENT_POOL_SETTINGS = Symbol('TALENT_POOL_SETTINGS');

/** What features read from the service config (one token, so tests hand in their own). */
export interface TrainingSettings {
  taskQueue: string;
  /** Inbox consumer name and Kafka group of the workforce worker-events handler. */
  workersConsumer: string;
  /** Workers judged per compliance chunk. */
  complianceChunk: number;
  /** TRAIN-2: days before the three-year deadline of the last four-ones reminder. */
  reminderDaysBeforeDue: number;
}

export const TRAINING_SETTINGS = Symbol('TRAINING_SETTINGS');
/**
 * false: start workflows without search attributes. Only for Temporal's Java time-skipping test
 * server, which refuses attributes it was not told about.
 */
export const TRAINING_SEARCH_ATTRIBUTES = Symbol('TRAINING_SEARCH_ATTRIBUTES');

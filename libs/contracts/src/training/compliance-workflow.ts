/** The yearly compliance run (TRAIN-3, TRAIN-4): started by the schedule or an operator. */
export interface TrainingComplianceInput {
  /** The training year judged; unset (the schedule): the year before the run's start. */
  year?: number;
}

export interface TrainingComplianceOutcome {
  year: number;
  workers: number;
  shortfalls: number;
  cleared: number;
}

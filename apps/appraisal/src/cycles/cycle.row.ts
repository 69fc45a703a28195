import type { CyclePhase } from '@cwp/contracts';

/** A yearly appraisal cycle of one opening unit (APPR-1..4). */
export interface CycleRow {
  id: string;
  unitCode: string;
  year: number;
  phase: CyclePhase;
  policyVersion: string;
  ratingOpensAt: Date;
  ratingClosesAt: Date;
  reminderDays: number;
  excellentShareLimit: number;
  openedBy: string;
  closedBy: string | null;
  closedAt: Date | null;
  publishedAt: Date | null;
  unitsOverLimit: string[];
  workflowStartedAt: Date | null;
  version: number;
}

export const CYCLE_COLUMNS = `id, unit_code AS "unitCode", year, phase, policy_version AS "policyVersion", rating_opens_at AS "ratingOpensAt",
  rating_closes_at AS "ratingClosesAt", reminder_days AS "reminderDays", excellent_share_limit::float8 AS "excellentShareLimit",
  opened_by AS "openedBy", closed_by AS "closedBy", closed_at AS "closedAt", published_at AS "publishedAt",
  units_over_limit AS "unitsOverLimit", workflow_started_at AS "workflowStartedAt", version`;

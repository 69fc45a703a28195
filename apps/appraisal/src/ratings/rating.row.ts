import type { AppraisalDimension, RaterSource } from '@cwp/contracts';

export type DimensionScores = Record<AppraisalDimension, number>;

/** One rating (APPR-1, APPR-3); `raterKey` is the operator, the peer's worker id, or a resident's keyed hash. */
export interface NewRating {
  cycleId: string;
  workerId: string;
  year: number;
  source: RaterSource;
  raterKey: string;
  scores: DimensionScores;
}

export interface RatingCountRow {
  workerId: string;
  management: number;
  peers: number;
  residents: number;
}

/** The quotas and floating_quota_loans rows (snake_case columns) and their column lists. */
import type { Explanation } from '@cwp/policy';

export type QuotaKind = 'area' | 'centre' | 'floating';

export interface QuotaRow {
  unit_code: string;
  kind: QuotaKind;
  value: number;
  min: number | null;
  max: number | null;
  borrowed: number;
  lent: number;
  explanation: Explanation;
  policy_version: string;
  effective_from: string;
  version: number;
}

export const QUOTA_COLUMNS =
  "unit_code, kind, value, min, max, borrowed, lent, explanation, policy_version, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, version";

/** A quota to create (the first quota of a unit, QUOTA-1..4). */
export interface NewQuota {
  unitCode: string;
  kind: QuotaKind;
  value: number;
  min: number | null;
  max: number | null;
  explanation: Explanation;
}

/** Totals of one kind of quota over a subtree. */
export interface QuotaSums {
  kind: string;
  units: number;
  value: number;
  borrowed: number;
  lent: number;
}

/** A street's floating pool: what it holds and what is lent out (QUOTA-4). */
export interface FloatingPool {
  value: number;
  lent: number;
}

export interface LoanRow {
  id: string;
  street_code: string;
  area_code: string;
  amount: number;
  status: 'open' | 'returned';
  lent_on: string;
  returned_on: string | null;
}

export const LOAN_COLUMNS =
  "id, street_code, area_code, amount, status, to_char(lent_on, 'YYYY-MM-DD') AS lent_on, to_char(returned_on, 'YYYY-MM-DD') AS returned_on";

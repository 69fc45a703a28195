export interface StoredPolicyVersionRow {
  id: string;
  effectiveFrom: string;
  body: unknown;
  storedBy: string;
  storedAt: Date;
}

export const POLICY_VERSION_COLUMNS = `v.id, to_char(v.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", v.body, v.stored_by AS "storedBy", v.stored_at AS "storedAt"`;

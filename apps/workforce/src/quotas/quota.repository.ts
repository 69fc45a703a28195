import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern } from '@cwp/platform';
import { LOAN_COLUMNS, QUOTA_COLUMNS, type FloatingPool, type LoanRow, type NewQuota, type QuotaRow, type QuotaSums } from './quota.row';

/** A floating-quota loan to record (QUOTA-4). */
export interface NewLoan {
  id: string;
  streetCode: string;
  areaCode: string;
  amount: number;
  lentOn: string;
  lentBy: string;
}

/**
 * All SQL of quotas (QUOTA-1..4) and floating-quota loans. Reads default to the DataSource's
 * manager; writes take the caller's transaction, so the service decides what commits together.
 */
@Injectable()
export class QuotaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Totals per kind over the subtree of `code` (itself included). */
  async sumsWithin(code: string, em: EntityManager = this.dataSource.manager): Promise<QuotaSums[]> {
    return (await em.query(
      `SELECT kind, count(*)::int AS units, coalesce(sum(value), 0)::int AS value, coalesce(sum(borrowed), 0)::int AS borrowed,
              coalesce(sum(lent), 0)::int AS lent
         FROM quotas WHERE unit_code LIKE $1 GROUP BY kind`,
      [likePrefixPattern(code)],
    )) as QuotaSums[];
  }

  /** The quota rows of this very unit, by kind. */
  async ofUnit(code: string, em: EntityManager = this.dataSource.manager): Promise<QuotaRow[]> {
    return (await em.query(`SELECT ${QUOTA_COLUMNS} FROM quotas WHERE unit_code = $1 ORDER BY kind`, [code])) as QuotaRow[];
  }

  async areaExists(em: EntityManager, areaCode: string): Promise<boolean> {
    const [area] = (await em.query("SELECT 1 FROM quotas WHERE unit_code = $1 AND kind = 'area'", [areaCode])) as unknown[];
    return area !== undefined;
  }

  async floatingPool(streetCode: string, em: EntityManager = this.dataSource.manager): Promise<FloatingPool | undefined> {
    const [pool] = (await em.query("SELECT value, lent FROM quotas WHERE unit_code = $1 AND kind = 'floating'", [
      streetCode,
    ])) as FloatingPool[];
    return pool;
  }

  /**
   * Takes `amount` out of the street's pool with one conditional UPDATE (`lent + amount <= value`),
   * which locks the row, so concurrent loans are serialised and never overdraw it. Undefined when
   * too few places are left.
   */
  async lendFromPool(em: EntityManager, streetCode: string, amount: number): Promise<FloatingPool | undefined> {
    const [updated] = (await em.query(
      `UPDATE quotas SET lent = lent + $2, version = version + 1, updated_at = now()
        WHERE unit_code = $1 AND kind = 'floating' AND lent + $2 <= value RETURNING value, lent`,
      [streetCode, amount],
    )) as [FloatingPool[], number];
    return updated[0];
  }

  async returnToPool(em: EntityManager, streetCode: string, amount: number): Promise<FloatingPool> {
    const [updated] = (await em.query(
      "UPDATE quotas SET lent = lent - $2, version = version + 1, updated_at = now() WHERE unit_code = $1 AND kind = 'floating' RETURNING value, lent",
      [streetCode, amount],
    )) as [FloatingPool[], number];
    return updated[0]!;
  }

  /** Floating places an area holds from its street: `delta` up on a loan, down on a return. */
  async addBorrowed(em: EntityManager, areaCode: string, delta: number): Promise<void> {
    await em.query(
      "UPDATE quotas SET borrowed = borrowed + $2, version = version + 1, updated_at = now() WHERE unit_code = $1 AND kind = 'area'",
      [areaCode, delta],
    );
  }

  async insertLoan(em: EntityManager, loan: NewLoan): Promise<LoanRow> {
    const [row] = (await em.query(
      `INSERT INTO floating_quota_loans (id, street_code, area_code, amount, status, lent_on, lent_by) VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING ${LOAN_COLUMNS}`,
      [loan.id, loan.streetCode, loan.areaCode, loan.amount, loan.lentOn, loan.lentBy],
    )) as LoanRow[];
    return row!;
  }

  /** Marks an open loan returned; undefined when there is no open loan of that id on that street. */
  async closeLoan(
    em: EntityManager,
    loanId: string,
    streetCode: string,
    returnedOn: string,
    returnedBy: string,
  ): Promise<LoanRow | undefined> {
    const [rows] = (await em.query(
      `UPDATE floating_quota_loans SET status = 'returned', returned_on = $3, returned_by = $4, version = version + 1
        WHERE id = $1 AND street_code = $2 AND status = 'open' RETURNING ${LOAN_COLUMNS}`,
      [loanId, streetCode, returnedOn, returnedBy],
    )) as [LoanRow[], number];
    return rows[0];
  }

  async loanStatus(em: EntityManager, loanId: string, streetCode: string): Promise<string | undefined> {
    const [existing] = (await em.query('SELECT status FROM floating_quota_loans WHERE id = $1 AND street_code = $2', [
      loanId,
      streetCode,
    ])) as Array<{ status: string }>;
    return existing?.status;
  }

  /** The street's latest 500 loans, newest first. */
  async loansOf(streetCode: string, em: EntityManager = this.dataSource.manager): Promise<LoanRow[]> {
    return (await em.query(`SELECT ${LOAN_COLUMNS} FROM floating_quota_loans WHERE street_code = $1 ORDER BY created_at DESC LIMIT 500`, [
      streetCode,
    ])) as LoanRow[];
  }

  /** Areas without an area quota yet, with their households (QUOTA-1/2 inputs), in code order. */
  async areasWithoutQuota(em: EntityManager): Promise<Array<{ code: string; households: number }>> {
    return (await em.query(
      `SELECT u.code, u.households FROM org_units u
        WHERE u.kind = 'area' AND NOT EXISTS (SELECT 1 FROM quotas q WHERE q.unit_code = u.code AND q.kind = 'area') ORDER BY u.code`,
    )) as Array<{ code: string; households: number }>;
  }

  /** Streets whose centres have no quota yet (QUOTA-3). */
  async streetsWithoutCentreQuota(em: EntityManager): Promise<string[]> {
    const rows = (await em.query(
      `SELECT u.code FROM org_units u WHERE u.kind = 'street' AND NOT EXISTS (SELECT 1 FROM quotas q WHERE q.unit_code = u.code AND q.kind = 'centre')`,
    )) as Array<{ code: string }>;
    return rows.map((r) => r.code);
  }

  /** Streets without a floating pool yet, with the sum and number of their areas' quotas (QUOTA-4). */
  async streetsWithoutFloatingPool(em: EntityManager): Promise<Array<{ code: string; area_sum: number; areas: number }>> {
    return (await em.query(
      `SELECT s.code, coalesce(sum(q.value), 0)::int AS area_sum, count(q.unit_code)::int AS areas
         FROM org_units s LEFT JOIN quotas q ON q.kind = 'area' AND q.unit_code LIKE s.code || '%'
        WHERE s.kind = 'street' AND NOT EXISTS (SELECT 1 FROM quotas f WHERE f.unit_code = s.code AND f.kind = 'floating')
        GROUP BY s.code`,
    )) as Array<{ code: string; area_sum: number; areas: number }>;
  }

  /** One multi-row insert; a quota that exists already is left alone (ON CONFLICT DO NOTHING). */
  async insertMissing(em: EntityManager, rows: readonly NewQuota[], policyVersion: string, effectiveFrom: string): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO quotas (unit_code, kind, value, min, max, explanation, policy_version, effective_from)
       SELECT u.unit_code, u.kind, u.value, u.min, u.max, u.explanation, $6, $7
         FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $8::jsonb[]) AS u(unit_code, kind, value, min, max, explanation)
       ON CONFLICT (unit_code, kind) DO NOTHING`,
      [
        rows.map((r) => r.unitCode),
        rows.map((r) => r.kind),
        rows.map((r) => r.value),
        rows.map((r) => r.min),
        rows.map((r) => r.max),
        policyVersion,
        effectiveFrom,
        rows.map((r) => JSON.stringify(r.explanation)),
      ],
    );
  }
}

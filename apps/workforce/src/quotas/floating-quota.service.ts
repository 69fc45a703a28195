import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { floatingQuotaLentContract, floatingQuotaReturnedContract } from '@cwp/contracts';
import { AuditTrail, DomainError, ErrorCode, Jurisdiction, OutboxWriter, type Principal } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import type { FloatingLoanResponse, LendFloatingQuotaDto } from './quota.dto';

interface LoanRow {
  id: string;
  street_code: string;
  area_code: string;
  amount: number;
  status: 'open' | 'returned';
  lent_on: string;
  returned_on: string | null;
}
type Balance = FloatingLoanResponse['balance'];

const LOAN_COLUMNS = "id, street_code, area_code, amount, status, to_char(lent_on, 'YYYY-MM-DD') AS lent_on, to_char(returned_on, 'YYYY-MM-DD') AS returned_on";

/**
 * QUOTA-4: a street lends floating places to its areas and takes them back. The street's pool row
 * is changed with one conditional UPDATE (`lent + amount <= value`), which locks the row, so two
 * concurrent loans are serialised and can never overdraw it; the audit row and the event are
 * written in the same transaction.
 */
@Injectable()
export class FloatingQuotaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdiction: Jurisdiction,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
  ) {}

  async lend(streetCode: string, dto: LendFloatingQuotaDto, principal: Principal): Promise<FloatingLoanResponse> {
    await this.assertStreet(streetCode, principal, 'lend');
    if (dto.areaCode.slice(0, 9) !== streetCode) {
      throw DomainError.validation('areaCode', `areaCode ${dto.areaCode} is not a residential area of street ${streetCode}`);
    }
    const today = shanghaiDate(new Date());
    return this.dataSource.transaction(async (em) => {
      const [area] = (await em.query("SELECT 1 FROM quotas WHERE unit_code = $1 AND kind = 'area'", [dto.areaCode])) as unknown[];
      if (!area) throw new DomainError(ErrorCode.NOT_FOUND, `Residential area ${dto.areaCode} not found`, { field: 'areaCode' });
      const [updated] = (await em.query(
        `UPDATE quotas SET lent = lent + $2, version = version + 1, updated_at = now()
          WHERE unit_code = $1 AND kind = 'floating' AND lent + $2 <= value RETURNING value, lent`,
        [streetCode, dto.amount],
      )) as [Array<{ value: number; lent: number }>, number];
      if (updated.length === 0) throw await this.exhausted(em, streetCode, dto.amount);
      const balance = balanceOf(updated[0]!);
      await em.query("UPDATE quotas SET borrowed = borrowed + $2, version = version + 1, updated_at = now() WHERE unit_code = $1 AND kind = 'area'", [dto.areaCode, dto.amount]);
      const id = randomUUID();
      const [loan] = (await em.query(
        `INSERT INTO floating_quota_loans (id, street_code, area_code, amount, status, lent_on, lent_by) VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING ${LOAN_COLUMNS}`,
        [id, streetCode, dto.areaCode, dto.amount, today, principal.sub],
      )) as LoanRow[];
      await this.audit.record(em, { action: 'floating-quota:lend', entity: 'floating_quota_loan', entityId: id, after: { streetCode, areaCode: dto.areaCode, amount: dto.amount, ...balance } }, principal);
      await this.outbox.append(em, {
        contract: floatingQuotaLentContract,
        key: streetCode,
        data: { loanId: id, streetCode, areaCode: dto.areaCode, amount: dto.amount, ...balance, on: today },
      });
      return toLoanResponse(loan!, balance);
    });
  }

  async giveBack(streetCode: string, loanId: string, principal: Principal): Promise<FloatingLoanResponse> {
    await this.assertStreet(streetCode, principal, 'return');
    const today = shanghaiDate(new Date());
    return this.dataSource.transaction(async (em) => {
      const [rows] = (await em.query(
        `UPDATE floating_quota_loans SET status = 'returned', returned_on = $3, returned_by = $4, version = version + 1
          WHERE id = $1 AND street_code = $2 AND status = 'open' RETURNING ${LOAN_COLUMNS}`,
        [loanId, streetCode, today, principal.sub],
      )) as [LoanRow[], number];
      const loan = rows[0];
      if (!loan) {
        const [existing] = (await em.query('SELECT status FROM floating_quota_loans WHERE id = $1 AND street_code = $2', [loanId, streetCode])) as Array<{ status: string }>;
        if (!existing) throw DomainError.notFound('floating_quota_loan', loanId);
        throw DomainError.conflict(`Floating quota loan ${loanId} was already returned`, { loanId, status: existing.status });
      }
      const [updated] = (await em.query(
        "UPDATE quotas SET lent = lent - $2, version = version + 1, updated_at = now() WHERE unit_code = $1 AND kind = 'floating' RETURNING value, lent",
        [streetCode, loan.amount],
      )) as [Array<{ value: number; lent: number }>, number];
      await em.query("UPDATE quotas SET borrowed = borrowed - $2, version = version + 1, updated_at = now() WHERE unit_code = $1 AND kind = 'area'", [loan.area_code, loan.amount]);
      const balance = balanceOf(updated[0]!);
      await this.audit.record(em, { action: 'floating-quota:return', entity: 'floating_quota_loan', entityId: loanId, before: { status: 'open' }, after: { status: 'returned', ...balance } }, principal);
      await this.outbox.append(em, {
        contract: floatingQuotaReturnedContract,
        key: streetCode,
        data: { loanId, streetCode, areaCode: loan.area_code, amount: loan.amount, ...balance, on: today },
      });
      return toLoanResponse(loan, balance);
    });
  }

  async loans(streetCode: string, principal: Principal): Promise<{ balance: Balance; loans: FloatingLoanResponse[] }> {
    await this.assertStreet(streetCode, principal, 'read');
    const [pool] = (await this.dataSource.query("SELECT value, lent FROM quotas WHERE unit_code = $1 AND kind = 'floating'", [streetCode])) as Array<{ value: number; lent: number }>;
    const balance = balanceOf(pool ?? { value: 0, lent: 0 });
    const rows = (await this.dataSource.query(`SELECT ${LOAN_COLUMNS} FROM floating_quota_loans WHERE street_code = $1 ORDER BY created_at DESC LIMIT 500`, [streetCode])) as LoanRow[];
    return { balance, loans: rows.map((r) => toLoanResponse(r, balance)) };
  }

  private async assertStreet(streetCode: string, principal: Principal, action: string): Promise<void> {
    await this.jurisdiction.assertWithin(principal, streetCode, { entity: 'floating_quota', entityId: streetCode, action });
    if (streetCode.length !== 9) throw DomainError.validation('streetCode', `${streetCode} is not a street/town: floating quota is held by streets (QUOTA-4)`);
  }

  /** FLOATING_QUOTA_EXHAUSTED (422): the street has fewer places left than asked for, with the figures. */
  private async exhausted(em: EntityManager, streetCode: string, requested: number): Promise<DomainError> {
    const [pool] = (await em.query("SELECT value, lent FROM quotas WHERE unit_code = $1 AND kind = 'floating'", [streetCode])) as Array<{ value: number; lent: number }>;
    const { held, lent, available } = balanceOf(pool ?? { value: 0, lent: 0 });
    return new DomainError(ErrorCode.FLOATING_QUOTA_EXHAUSTED, `Street ${streetCode} has ${available} floating place(s) left (held ${held}, lent ${lent}); ${requested} requested`, {
      details: { rule: 'QUOTA-4', streetCode, held, lent, available, requested },
    });
  }
}

function balanceOf(row: { value: number; lent: number }): Balance {
  return { held: row.value, lent: row.lent, available: row.value - row.lent };
}

function toLoanResponse(row: LoanRow, balance: Balance): FloatingLoanResponse {
  return { id: row.id, streetCode: row.street_code, areaCode: row.area_code, amount: row.amount, status: row.status, lentOn: row.lent_on, returnedOn: row.returned_on, balance };
}

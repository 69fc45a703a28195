import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { floatingQuotaLentContract, floatingQuotaReturnedContract } from '@cwp/contracts';
import { AuditTrail, DomainError, ErrorCode, Jurisdiction, OutboxWriter, type Principal } from '@cwp/platform';
import { shanghaiDate } from '@cwp/policy';
import { WorkforceError } from '../core';
import { toLoanResponse, type FloatingLoanResponse, type LendFloatingQuotaDto } from './quota.dto';
import { QuotaRepository } from './quota.repository';
import type { FloatingPool } from './quota.row';

type Balance = FloatingLoanResponse['balance'];

/**
 * QUOTA-4: a street lends floating places to its areas and takes them back. The street's pool row
 * is changed with one conditional UPDATE (QuotaRepository.lendFromPool), so two concurrent loans
 * are serialised and can never overdraw it; the audit row and the event are written in the same
 * transaction.
 */
@Injectable()
export class FloatingQuotaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly quotas: QuotaRepository,
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
      if (!(await this.quotas.areaExists(em, dto.areaCode)))
        throw new DomainError(ErrorCode.NOT_FOUND, `Residential area ${dto.areaCode} not found`, { field: 'areaCode' });
      const pool = await this.quotas.lendFromPool(em, streetCode, dto.amount);
      if (!pool) throw await this.exhausted(em, streetCode, dto.amount);
      const balance = balanceOf(pool);
      await this.quotas.addBorrowed(em, dto.areaCode, dto.amount);
      const id = randomUUID();
      const loan = await this.quotas.insertLoan(em, {
        id,
        streetCode,
        areaCode: dto.areaCode,
        amount: dto.amount,
        lentOn: today,
        lentBy: principal.sub,
      });
      await this.audit.record(
        em,
        {
          action: 'floating-quota:lend',
          entity: 'floating_quota_loan',
          entityId: id,
          after: { streetCode, areaCode: dto.areaCode, amount: dto.amount, ...balance },
        },
        principal,
      );
      await this.outbox.append(em, {
        contract: floatingQuotaLentContract,
        key: streetCode,
        data: { loanId: id, streetCode, areaCode: dto.areaCode, amount: dto.amount, ...balance, on: today },
      });
      return toLoanResponse(loan, balance);
    });
  }

  async giveBack(streetCode: string, loanId: string, principal: Principal): Promise<FloatingLoanResponse> {
    await this.assertStreet(streetCode, principal, 'return');
    const today = shanghaiDate(new Date());
    return this.dataSource.transaction(async (em) => {
      const loan = await this.quotas.closeLoan(em, loanId, streetCode, today, principal.sub);
      if (!loan) {
        const status = await this.quotas.loanStatus(em, loanId, streetCode);
        if (!status) throw DomainError.notFound('floating_quota_loan', loanId);
        throw DomainError.conflict(`Floating quota loan ${loanId} was already returned`, { loanId, status });
      }
      const balance = balanceOf(await this.quotas.returnToPool(em, streetCode, loan.amount));
      await this.quotas.addBorrowed(em, loan.area_code, -loan.amount);
      await this.audit.record(
        em,
        {
          action: 'floating-quota:return',
          entity: 'floating_quota_loan',
          entityId: loanId,
          before: { status: 'open' },
          after: { status: 'returned', ...balance },
        },
        principal,
      );
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
    const balance = balanceOf((await this.quotas.floatingPool(streetCode)) ?? { value: 0, lent: 0 });
    const rows = await this.quotas.loansOf(streetCode);
    return { balance, loans: rows.map((r) => toLoanResponse(r, balance)) };
  }

  private async assertStreet(streetCode: string, principal: Principal, action: string): Promise<void> {
    await this.jurisdiction.assertWithin(principal, streetCode, { entity: 'floating_quota', entityId: streetCode, action });
    if (streetCode.length !== 9)
      throw DomainError.validation('streetCode', `${streetCode} is not a street/town: floating quota is held by streets (QUOTA-4)`);
  }

  /** FLOATING_QUOTA_EXHAUSTED (422): the street has fewer places left than asked for, with the figures. */
  private async exhausted(em: EntityManager, streetCode: string, requested: number): Promise<DomainError> {
    const { held, lent, available } = balanceOf((await this.quotas.floatingPool(streetCode, em)) ?? { value: 0, lent: 0 });
    return new DomainError(
      WorkforceError.FLOATING_QUOTA_EXHAUSTED,
      `Street ${streetCode} has ${available} floating place(s) left (held ${held}, lent ${lent}); ${requested} requested`,
      {
        details: { rule: 'QUOTA-4', streetCode, held, lent, available, requested },
      },
    );
  }
}

function balanceOf(row: FloatingPool): Balance {
  return { held: row.value, lent: row.lent, available: row.value - row.lent };
}

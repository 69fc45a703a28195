import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  GRADES,
  performanceInstalmentDue,
  poolInstalment,
  referenceWageYear,
  type Decision,
  type Grade,
  type PolicyVersion,
  type PoolInstalment,
} from '@cwp/policy';
import { decide } from '../core';
import { WageRepository } from '../wages';
import { PayPoolRepository, type PoolWrite } from './pay-pool.repository';
import type { PayPoolRow, PoolMissingInput, PoolRunSummary, PoolUnitInputs } from './pay-pool.row';

const MISSING_LISTED = 200;

/**
 * PAY-5, PAY-6 in the monthly run: when the version in force says an instalment of the performance
 * pay falls due this month, every unit's pool (quota × per place, whatever the headcount) pays that
 * instalment, shared by grade among the unit's workers paid this month; each worker's share is its
 * slip's performance line. A unit whose quota, grades or reference wage has not reached payroll
 * gets no line and is listed (never an error). Figures by libs/policy `poolInstalment`, per unit;
 * the rows by a few set-based statements in the run's transaction.
 */
@Injectable()
export class PayRunPools {
  constructor(
    private readonly repository: PayPoolRepository,
    private readonly wages: WageRepository,
  ) {}

  async pay(em: EntityManager, policy: PolicyVersion, period: string): Promise<PoolRunSummary | null> {
    const [year, month] = period.split('-').map(Number) as [number, number];
    const due = performanceInstalmentDue(policy, month);
    if (!due) return null;
    const appraisalYear = year - 1;
    const wageYear = referenceWageYear(policy, year);
    const wage = await this.wages.find(wageYear, em);
    const referenceWage = wage ? { year: wage.year, annualFen: wage.annualFen } : null;
    const inputs = await this.repository.unitInputs(em, period, appraisalYear);
    const units = inputs.map((u) => this.unit(policy, year, month, u, referenceWage));
    await this.repository.write(em, { period, appraisalYear, instalment: due.index + 1, instalments: due.count, referenceWage, units });
    const missing = units.filter((u) => u.status === 'inputs-missing');
    return {
      instalment: due.index + 1,
      instalments: due.count,
      appraisalYear,
      referenceWageYear: wageYear,
      unitsPaid: units.length - missing.length,
      unitsMissing: missing.length,
      paidFen: units.reduce((sum, u) => sum + (u.distributedFen ?? 0), 0),
      missing: missing.slice(0, MISSING_LISTED).map((u) => ({ unitCode: u.unitCode, missing: u.missing as PoolMissingInput[] })),
    };
  }

  /** The decision a stored pool row was paid by, rebuilt from its stored inputs (for the slip's explanation). */
  static decisionOf(policy: PolicyVersion, row: PayPoolRow): Decision<PoolInstalment | null> {
    const [year, month] = row.period.split('-').map(Number) as [number, number];
    return decide(() =>
      poolInstalment(policy, {
        payYear: year,
        month,
        quota: row.quota!,
        referenceWage: { year: row.referenceWageYear!, annualFen: row.referenceWageFen! },
        gradeCounts: row.gradeCounts,
        ungraded: row.ungraded,
      }),
    );
  }

  private unit(
    policy: PolicyVersion,
    payYear: number,
    month: number,
    u: PoolUnitInputs,
    referenceWage: { year: number; annualFen: number } | null,
  ): PoolWrite {
    const gradeCounts: Partial<Record<Grade, number>> = {};
    for (const g of GRADES) if (u[g] > 0) gradeCounts[g] = u[g];
    const missing: PoolMissingInput[] = [];
    if (referenceWage === null) missing.push('referenceWage');
    if (u.quota === null) missing.push('quota');
    if (Object.keys(gradeCounts).length === 0) missing.push('grades');
    const unpaid = { extraFen: 0, grades: [], poolFen: null, instalmentFen: null, distributedFen: null };
    if (missing.length > 0)
      return { unitCode: u.unitCode, status: 'inputs-missing', missing, quota: u.quota, gradeCounts, ungraded: u.ungraded, ...unpaid };
    const value = decide(() =>
      poolInstalment(policy, { payYear, month, quota: u.quota!, referenceWage: referenceWage!, gradeCounts, ungraded: u.ungraded }),
    ).value!;
    return {
      unitCode: u.unitCode,
      status: 'paid',
      missing,
      quota: u.quota,
      gradeCounts,
      ungraded: u.ungraded,
      poolFen: value.poolFen,
      instalmentFen: value.instalmentFen,
      distributedFen: value.instalmentFen - value.split.undistributedFen,
      extraFen: value.split.extraFen,
      grades: value.split.grades,
    };
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@cwp/platform';
import { performancePool, referenceWageYear, type Grade } from '@cwp/policy';
import { decide, payrollError } from '../core';
import { PolicyCatalogSource } from '../policy-versions';
import { WageRepository } from '../wages';
import { PerformancePoolAccess } from './performance-pool-access';
import { PerformanceInputsRepository } from './performance-inputs.repository';
import { PerformancePoolResponse } from './performance-pool.dto';

/**
 * PAY-5, PAY-6: a unit's performance pool for a pay year, computed by libs/policy from the unit's
 * quota (not its headcount), the reference wage of the version in force and each employed worker's
 * grade of the appraisal year (default: the year before the pay year, the last one published).
 * A worker with no published grade that year takes no share yet and is listed as ungraded.
 */
@Injectable()
export class PerformancePoolsService {
  constructor(
    private readonly inputs: PerformanceInputsRepository,
    private readonly wages: WageRepository,
    private readonly catalogs: PolicyCatalogSource,
    private readonly access: PerformancePoolAccess,
  ) {}

  async pool(unitCode: string, payYear: number, appraisalYear: number | undefined, principal: Principal): Promise<PerformancePoolResponse> {
    await this.access.assertVisible(unitCode, payYear, principal);
    const gradesOf = appraisalYear ?? payYear - 1;
    const catalog = await this.catalogs.catalog();
    const policy = decide(() => catalog.inForce(`${payYear}-01-01`), { dateField: 'payYear' });
    const wageYear = referenceWageYear(policy, payYear);
    const [wage, quota, members] = await Promise.all([
      this.wages.find(wageYear),
      this.inputs.quotaOf(unitCode),
      this.inputs.members(unitCode, gradesOf),
    ]);
    if (!wage)
      throw payrollError('POOL_INPUTS_MISSING', `The city average wage of ${wageYear} is not published yet (PAY-6)`, {
        field: 'referenceWage',
        details: { rule: 'PAY-6', wageYear },
      });
    if (quota === null)
      throw payrollError('POOL_INPUTS_MISSING', `No quota of unit ${unitCode} has reached payroll yet (PAY-6 binds the pool to it)`, {
        field: 'quota',
        details: { rule: 'PAY-6', unitCode },
      });
    const graded = members.filter((m): m is { workerId: string; grade: Grade } => m.grade !== null);
    const decision = decide(() =>
      performancePool(policy, {
        payYear,
        quota,
        referenceWage: { year: wage.year, annualFen: wage.annualFen },
        members: graded.map((m) => ({ id: m.workerId, grade: m.grade })),
      }),
    );
    const ungraded = members.filter((m) => m.grade === null).map((m) => m.workerId);
    return PerformancePoolResponse.toResponse({
      unitCode,
      payYear,
      appraisalYear: gradesOf,
      quota,
      headcount: members.length,
      ungraded,
      decision,
    });
  }
}

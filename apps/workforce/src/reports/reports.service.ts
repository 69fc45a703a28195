import { Inject, Injectable } from '@nestjs/common';
import { decide, DomainError, Jurisdiction, POLICY_CATALOG, type Principal } from '@cwp/platform';
import { isCalendarDate, shanghaiDate, type PolicyCatalog } from '@cwp/policy';
import { OrgUnitRepository } from '../org';
import { buildStaffingReport } from './report-figures';
import { ReportRepository } from './report.repository';
import type { ReportQueryDto, StaffingReportResponse } from './report.dto';

/** QUOTA-6 staffing report of any unit in the caller's scope, over its subtree. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportRepository,
    private readonly units: OrgUnitRepository,
    private readonly jurisdiction: Jurisdiction,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
  ) {}

  async staffing(code: string, query: ReportQueryDto, principal: Principal, now = new Date()): Promise<StaffingReportResponse> {
    await this.jurisdiction.assertWithin(principal, code, { entity: 'report', entityId: code });
    const to = query.to ?? shanghaiDate(now);
    const from = query.from ?? `${to.slice(0, 4)}-01-01`;
    if (!isCalendarDate(to)) throw DomainError.validation('to', `to ${to} is not a calendar date`);
    if (!isCalendarDate(from)) throw DomainError.validation('from', `from ${from} is not a calendar date`);
    if (from > to) throw DomainError.validation('from', `from ${from} is after to ${to}`);
    const [kind, rows] = await Promise.all([this.units.kindOf(code), this.repository.regionSums(code, from, to)]);
    if (!kind) throw DomainError.notFound('report', code);
    // A `to` before the first version is the caller's date: 400 naming it.
    const policy = decide(() => this.catalog.inForce(to), { dateField: 'to' });
    const figures = buildStaffingReport(rows, policy, { unitCode: code, from, to });
    return { unitCode: code, kind, from, to, policyVersion: policy.id, ...figures };
  }
}

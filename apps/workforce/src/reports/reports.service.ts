import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, Jurisdiction, likePrefixPattern, type Principal } from '@cwp/platform';
import { isCalendarDate, shanghaiDate, type PolicyCatalog } from '@cwp/policy';
import { POLICY_CATALOG } from '../org/reference-data';
import { buildStaffingReport } from './report-figures';
import { ageBandBoundaries, STAFFING_REPORT_SQL, type RegionSums } from './report.sql';
import type { ReportQueryDto, StaffingReportResponse } from './report.dto';

/** QUOTA-6 staffing report of any unit in the caller's scope, over its subtree. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
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
    const [[unit], rows] = await Promise.all([
      this.dataSource.query('SELECT kind FROM org_units WHERE code = $1', [code]) as Promise<Array<{ kind: string }>>,
      runStaffingReport(this.dataSource, code, from, to),
    ]);
    if (!unit) throw DomainError.notFound('report', code);
    const policy = this.catalog.inForce(to);
    const figures = buildStaffingReport(rows, policy, { unitCode: code, from, to });
    return { unitCode: code, kind: unit.kind, from, to, policyVersion: policy.id, ...figures };
  }
}

/** The report query alone (also what the benchmark times). */
export async function runStaffingReport(dataSource: Pick<DataSource, 'query'>, code: string, from: string, to: string): Promise<RegionSums[]> {
  return (await dataSource.query(STAFFING_REPORT_SQL, [likePrefixPattern(code), from, to, ...ageBandBoundaries(to)])) as RegionSums[];
}

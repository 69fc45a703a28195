import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern } from '@cwp/platform';
import { ageBandBoundaries, STAFFING_REPORT_SQL, type RegionSums } from './report.sql';

/** The SQL of the staffing report (QUOTA-6): one set-based query over a unit's subtree (report.sql.ts). */
@Injectable()
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Per ORG-4 region: quotas, headcounts, exits, titles, age bands and education of the subtree of `code`. */
  async regionSums(code: string, from: string, to: string, em: EntityManager = this.dataSource.manager): Promise<RegionSums[]> {
    return (await em.query(STAFFING_REPORT_SQL, [likePrefixPattern(code), from, to, ...ageBandBoundaries(to)])) as RegionSums[];
  }
}

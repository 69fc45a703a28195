import { Injectable, type StreamableFile } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, tabularFile, type Principal, type TabularCell, type TabularFormat } from '@cwp/platform';
import { CampaignAccess } from '../campaigns';
import { RecruitmentError } from '../core';

/** Column headers of the ranking export, in Chinese: the district publishes it as it is (REC-7 公示). */
export const RANKING_HEADERS = [
  '岗位编号',
  '街道',
  '排名',
  '报名编号',
  '姓名',
  '实习评价',
  '笔试成绩',
  '面试成绩',
  '综合成绩',
  '状态',
  '考核',
] as const;

/** Rows per keyset page: the export streams as the client reads, never the whole campaign in memory. */
const PAGE = 2000;
const STATUS_LABEL: Record<string, string> = {
  ranked: '备选',
  selected: '拟聘用',
  suspended: '异议暂停',
  appointed: '已聘用',
  out: '已出局',
};

interface RankingRow {
  postId: string;
  streetCode: string;
  rank: number;
  id: string;
  name: string;
  internship: number | null;
  written: number | null;
  interview: number | null;
  combined: number | null;
  status: string;
  assessmentPassed: boolean | null;
}

/**
 * The ranking export of a campaign (REC-6 combined score and rank per post), CSV or XLSX with
 * Chinese column headers, streamed from PostgreSQL by keyset pages. A street reads its own posts
 * only; results withdrawn by the cancellation saga are 409.
 */
@Injectable()
export class RankingExport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly campaigns: CampaignAccess,
  ) {}

  async file(campaignId: string, format: TabularFormat, principal: Principal): Promise<StreamableFile> {
    await this.campaigns.readable(campaignId, principal, 'ranking-export');
    const [state] = (await this.dataSource.query('SELECT results_withdrawn_at AS withdrawn FROM campaigns WHERE id = $1', [
      campaignId,
    ])) as Array<{
      withdrawn: Date | null;
    }>;
    if (state?.withdrawn)
      throw new DomainError(
        RecruitmentError.RESULTS_WITHDRAWN,
        `The results of campaign ${campaignId} were withdrawn when it was cancelled`,
        {
          field: 'id',
        },
      );
    const street = principal.role === 'street' ? principal.unit : null;
    return tabularFile(format, `ranking-${campaignId}`, RANKING_HEADERS, this.rows(campaignId, street), '排名');
  }

  private async *rows(campaignId: string, street: string | null): AsyncGenerator<TabularCell[]> {
    let after: [string, number, string] = ['', 0, ''];
    for (;;) {
      const page = (await this.dataSource.query(
        `SELECT a.post_id AS "postId", a.street_code AS "streetCode", a.rank, a.id, a.name,
                a.internship_score::float8 AS internship, a.written_score::float8 AS written,
                a.interview_score::float8 AS interview, a.combined_score::float8 AS combined,
                a.status, a.assessment_passed AS "assessmentPassed"
           FROM applicants a
          WHERE a.campaign_id = $1 AND a.rank IS NOT NULL AND ($2::text IS NULL OR a.street_code = $2)
            AND (a.post_id::text, a.rank, a.id::text) > ($3, $4, $5)
          ORDER BY a.post_id::text, a.rank, a.id::text LIMIT $6`,
        [campaignId, street, ...after, PAGE],
      )) as RankingRow[];
      for (const r of page)
        yield [
          r.postId,
          r.streetCode,
          r.rank,
          r.id,
          r.name,
          r.internship,
          r.written,
          r.interview,
          r.combined,
          STATUS_LABEL[r.status] ?? r.status,
          r.assessmentPassed === null ? '' : r.assessmentPassed ? '合格' : '不合格',
        ];
      if (page.length < PAGE) return;
      const last = page[page.length - 1]!;
      after = [last.postId, last.rank, last.id];
    }
  }
}

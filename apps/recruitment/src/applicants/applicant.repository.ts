import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApplicantOutReason, ApplicantStatus, ScoreKind } from '@cwp/contracts';
import { insertRowStatement, type SqlStatement } from '@cwp/platform';
import { APPLICANT_COLUMNS, type ApplicantRow, type NewApplicantRow } from './applicant.row';

export const ONE_PER_PERSON_CAMPAIGN = 'applicants_one_per_person_campaign';

/** The score column of each kind (fixed names, never spliced from input). */
export const SCORE_COLUMN: Readonly<Record<ScoreKind, string>> = {
  internship: 'internship_score',
  written: 'written_score',
  interview: 'interview_score',
};

/** A page of applicants with the total. */
export interface ApplicantSearch {
  campaignId: string;
  /** A street narrows to applicants of its posts (a street operator sees only those). */
  streetCode?: string;
  status?: ApplicantStatus;
  page: number;
  pageSize: number;
}

/** All SQL of applicants: single rows for the API, set-based statements for the campaign's steps. */
@Injectable()
export class ApplicantRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The INSERT of an application, skipped when this person already applied to this campaign (the
   * unique key decides; `insertTogether`'s first row).
   */
  insertStatement(row: NewApplicantRow): SqlStatement {
    return insertRowStatement('applicants', row);
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<ApplicantRow | undefined> {
    const rows = (await em.query(`SELECT ${APPLICANT_COLUMNS} FROM applicants a WHERE a.id = $1`, [id])) as ApplicantRow[];
    return rows[0];
  }

  async search(filter: ApplicantSearch): Promise<{ rows: ApplicantRow[]; total: number }> {
    const params: unknown[] = [filter.campaignId, filter.streetCode ?? null, filter.status ?? null];
    const where = 'a.campaign_id = $1 AND ($2::text IS NULL OR a.street_code = $2) AND ($3::text IS NULL OR a.status = $3)';
    const [rows, counted] = await Promise.all([
      this.dataSource.query(
        `SELECT ${APPLICANT_COLUMNS} FROM applicants a WHERE ${where}
          ORDER BY a.post_id, a.rank NULLS LAST, a.registered_on, a.id LIMIT $4 OFFSET $5`,
        [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
      ) as Promise<ApplicantRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM applicants a WHERE ${where}`, params) as Promise<Array<{ n: number }>>,
    ]);
    return { rows, total: counted[0]?.n ?? 0 };
  }

  /** Moves every applicant of the campaign in `from` to `to`; returns how many are in `to` afterwards. */
  async moveAll(em: EntityManager, campaignId: string, from: ApplicantStatus, to: ApplicantStatus, setHost = false): Promise<number> {
    await em.query(
      `UPDATE applicants SET status = $3, ${setHost ? 'host_street = street_code, ' : ''}version = version + 1, updated_at = now()
        WHERE campaign_id = $1 AND status = $2`,
      [campaignId, from, to],
    );
    return this.countIn(em, campaignId, [to]);
  }

  async countIn(em: EntityManager, campaignId: string, statuses: readonly ApplicantStatus[]): Promise<number> {
    const [row] = (await em.query('SELECT count(*)::int AS n FROM applicants WHERE campaign_id = $1 AND status = ANY($2::text[])', [
      campaignId,
      [...statuses],
    ])) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /** One score of one applicant in one of `statuses`; false when the applicant is not there. */
  async setScore(
    em: EntityManager,
    campaignId: string,
    applicantId: string,
    kind: ScoreKind,
    score: number,
    statuses: readonly ApplicantStatus[],
  ): Promise<boolean> {
    const [rows] = (await em.query(
      `UPDATE applicants SET ${SCORE_COLUMN[kind]} = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND campaign_id = $2 AND status = ANY($4::text[]) RETURNING id`,
      [applicantId, campaignId, score, [...statuses]],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** Scores of many applicants at once (a bulk upload), all in `statuses` of this campaign; returns the ids updated. */
  async setScores(
    em: EntityManager,
    campaignId: string,
    kind: ScoreKind,
    scores: ReadonlyArray<{ applicantId: string; score: number }>,
    statuses: readonly ApplicantStatus[],
  ): Promise<string[]> {
    const [rows] = (await em.query(
      `UPDATE applicants a SET ${SCORE_COLUMN[kind]} = s.score, version = a.version + 1, updated_at = now()
         FROM unnest($2::uuid[], $3::numeric[]) AS s(id, score)
        WHERE a.id = s.id AND a.campaign_id = $1 AND a.status = ANY($4::text[]) RETURNING a.id`,
      [campaignId, scores.map((s) => s.applicantId), scores.map((s) => s.score), [...statuses]],
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }

  /** Takes one applicant out with the reason; false when it was not in `statuses`. */
  async takeOut(
    em: EntityManager,
    campaignId: string,
    applicantId: string,
    reason: ApplicantOutReason,
    statuses: readonly ApplicantStatus[],
  ): Promise<boolean> {
    const [rows] = (await em.query(
      `UPDATE applicants SET status = 'out', out_reason = $3, version = version + 1, updated_at = now()
        WHERE id = $1 AND campaign_id = $2 AND status = ANY($4::text[]) RETURNING id`,
      [applicantId, campaignId, reason, [...statuses]],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /**
   * Closes a scored step set-based: applicants in `status` lacking the score are out with `reason`,
   * the others move to `next`. Returns how many moved on.
   */
  async closeStep(
    em: EntityManager,
    campaignId: string,
    kind: ScoreKind,
    status: ApplicantStatus,
    next: ApplicantStatus,
    reason: ApplicantOutReason,
  ): Promise<number> {
    const column = SCORE_COLUMN[kind];
    await em.query(
      `UPDATE applicants SET status = CASE WHEN ${column} IS NULL THEN 'out' ELSE $3 END,
              out_reason = CASE WHEN ${column} IS NULL THEN $4 ELSE out_reason END, version = version + 1, updated_at = now()
        WHERE campaign_id = $1 AND status = $2`,
      [campaignId, status, next, reason],
    );
    return this.countIn(em, campaignId, [next]);
  }

  /** One chunk of the campaign's applicants in `status`, by id after `afterId` (keyset). */
  async chunk(campaignId: string, status: ApplicantStatus, afterId: string, limit: number): Promise<ApplicantRow[]> {
    return (await this.dataSource.query(
      `SELECT ${APPLICANT_COLUMNS} FROM applicants a WHERE a.campaign_id = $1 AND a.status = $2 AND a.id > $3 ORDER BY a.id LIMIT $4`,
      [campaignId, status, afterId, limit],
    )) as ApplicantRow[];
  }

  /** Writes combined scores and their explanations for a chunk (one UPDATE … FROM unnest). */
  async setCombined(em: EntityManager, rows: ReadonlyArray<{ id: string; score: number; explanation: unknown }>): Promise<void> {
    await em.query(
      `UPDATE applicants a SET combined_score = s.score, ranking_explanation = s.explanation, updated_at = now()
         FROM unnest($1::uuid[], $2::numeric[], $3::jsonb[]) AS s(id, score, explanation) WHERE a.id = s.id`,
      [rows.map((r) => r.id), rows.map((r) => r.score), rows.map((r) => JSON.stringify(r.explanation))],
    );
  }

  /**
   * REC-6 rank per post, in SQL over the whole campaign. Tie-break (documented in the README):
   * higher combined score, then higher written score, then higher interview score, then more
   * REC-4 preferences met, then earlier registration, then applicant id. The best `count` of each
   * post are selected, the others ranked (the reserve an upheld objection draws on).
   */
  async rankAndSelect(em: EntityManager, campaignId: string): Promise<{ ranked: number; selected: number }> {
    await em.query(
      `WITH ordered AS (
         SELECT a.id, row_number() OVER (PARTITION BY a.post_id ORDER BY a.combined_score DESC, a.written_score DESC,
                  a.interview_score DESC, a.preference_rank DESC, a.registered_on, a.id) AS rank, p.count
           FROM applicants a JOIN campaign_posts p ON p.id = a.post_id
          WHERE a.campaign_id = $1 AND a.status = 'examining')
       UPDATE applicants a SET rank = o.rank, status = CASE WHEN o.rank <= o.count THEN 'selected' ELSE 'ranked' END,
              version = a.version + 1, updated_at = now()
         FROM ordered o WHERE a.id = o.id`,
      [campaignId],
    );
    const [counts] = (await em.query(
      `SELECT count(*) FILTER (WHERE status IN ('ranked', 'selected'))::int AS ranked, count(*) FILTER (WHERE status = 'selected')::int AS selected
         FROM applicants WHERE campaign_id = $1`,
      [campaignId],
    )) as Array<{ ranked: number; selected: number }>;
    return counts ?? { ranked: 0, selected: 0 };
  }

  /** Sets the objection state of one applicant moving it `from` → `to`; false when it was not in `from`. */
  async setObjection(
    em: EntityManager,
    campaignId: string,
    applicantId: string,
    from: ApplicantStatus,
    to: ApplicantStatus,
    objection: 'open' | 'rejected' | 'upheld',
  ): Promise<boolean> {
    const [rows] = (await em.query(
      `UPDATE applicants SET status = $4, objection = $5, out_reason = CASE WHEN $4 = 'out' THEN 'objection-upheld' ELSE out_reason END,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND campaign_id = $2 AND status = $3 RETURNING id`,
      [applicantId, campaignId, from, to, objection],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /** The next-ranked applicant of the post moves up (REC-7 upheld objection); its id, or null when the reserve is empty. */
  async promoteNext(em: EntityManager, postId: string): Promise<string | null> {
    const [rows] = (await em.query(
      `UPDATE applicants SET status = 'selected', version = version + 1, updated_at = now()
        WHERE id = (SELECT id FROM applicants WHERE post_id = $1 AND status = 'ranked' ORDER BY rank LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [postId],
    )) as [Array<{ id: string }>, number];
    return rows[0]?.id ?? null;
  }

  /** Appoints up to `limit` selected applicants of the campaign and returns them (a chunk of the appointment). */
  async appointChunk(em: EntityManager, campaignId: string, appointedOn: string, limit: number): Promise<ApplicantRow[]> {
    const [rows] = (await em.query(
      `UPDATE applicants a SET status = 'appointed', appointed_on = $2, version = a.version + 1, updated_at = now()
        WHERE a.id IN (SELECT id FROM applicants WHERE campaign_id = $1 AND status = 'selected' ORDER BY id LIMIT $3 FOR UPDATE)
        RETURNING ${APPLICANT_COLUMNS}`,
      [campaignId, appointedOn, limit],
    )) as [ApplicantRow[], number];
    return rows;
  }
}

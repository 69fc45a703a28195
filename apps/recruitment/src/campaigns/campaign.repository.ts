import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { scopeOf, type Principal } from '@cwp/platform';
import type { CampaignPhase } from '@cwp/contracts';
import { CAMPAIGN_COLUMNS, POST_COLUMNS, type CampaignPostRow, type CampaignRow, type NewCampaignRow } from './campaign.row';

export const ONE_CAMPAIGN_PER_ROUND = 'campaigns_one_per_round';
/** Phases after which a campaign's posts no longer hold vacancies. */
const FINAL_PHASES: readonly CampaignPhase[] = ['appointed', 'cancelled'];

/**
 * All SQL of campaigns and their post plans. Writes take the caller's transaction; reads default
 * to the DataSource's manager.
 */
@Injectable()
export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the campaign and its posts (one unnest INSERT); false when its round exists already. */
  async insert(em: EntityManager, row: NewCampaignRow, posts: readonly CampaignPostRow[]): Promise<boolean> {
    const inserted = (await em.query(
      `INSERT INTO campaigns (id, district_code, year, round, phase, policy_version, rounds_explanation, registration_opens_on,
         registration_closes_on, internship_starts_on, internship_ends_on, written_exam_on, interview_on, publicity_days, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT ON CONSTRAINT ${ONE_CAMPAIGN_PER_ROUND} DO NOTHING RETURNING id`,
      [
        row.id,
        row.districtCode,
        row.year,
        row.round,
        row.phase,
        row.policyVersion,
        row.roundsExplanation,
        row.registrationOpensOn,
        row.registrationClosesOn,
        row.internshipStartsOn,
        row.internshipEndsOn,
        row.writtenExamOn,
        row.interviewOn,
        row.publicityDays,
        row.createdBy,
      ],
    )) as unknown[];
    if (inserted.length === 0) return false;
    await em.query(
      `INSERT INTO campaign_posts (id, campaign_id, street_code, post_category, count, required_qualification, street_selected)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::boolean[])`,
      [
        posts.map((p) => p.id),
        posts.map((p) => p.campaignId),
        posts.map((p) => p.streetCode),
        posts.map((p) => p.postCategory),
        posts.map((p) => p.count),
        posts.map((p) => p.requiredQualification),
        posts.map((p) => p.streetSelected),
      ],
    );
    return true;
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<CampaignRow | undefined> {
    const rows = (await em.query(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.id = $1`, [id])) as CampaignRow[];
    return rows[0];
  }

  async postsOf(campaignId: string, em: EntityManager = this.dataSource.manager): Promise<CampaignPostRow[]> {
    return (await em.query(`SELECT ${POST_COLUMNS} FROM campaign_posts p WHERE p.campaign_id = $1 ORDER BY p.street_code, p.id`, [
      campaignId,
    ])) as CampaignPostRow[];
  }

  /** The posts of many campaigns in one statement (a list is one query for its posts, not one per campaign). */
  async postsOfEach(campaignIds: readonly string[]): Promise<Map<string, CampaignPostRow[]>> {
    const byCampaign = new Map<string, CampaignPostRow[]>(campaignIds.map((id) => [id, []]));
    if (campaignIds.length === 0) return byCampaign;
    const rows = (await this.dataSource.query(
      `SELECT ${POST_COLUMNS} FROM campaign_posts p WHERE p.campaign_id = ANY($1::uuid[]) ORDER BY p.street_code, p.id`,
      [campaignIds],
    )) as CampaignPostRow[];
    for (const row of rows) byCampaign.get(row.campaignId)?.push(row);
    return byCampaign;
  }

  async findPost(postId: string, em: EntityManager = this.dataSource.manager): Promise<CampaignPostRow | undefined> {
    const rows = (await em.query(`SELECT ${POST_COLUMNS} FROM campaign_posts p WHERE p.id = $1`, [postId])) as CampaignPostRow[];
    return rows[0];
  }

  /** Campaigns the district already holds for the year (any phase but cancelled): REC-2's count. */
  async roundsHeld(districtCode: string, year: number, em: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = (await em.query(
      "SELECT round FROM campaigns WHERE district_code = $1 AND year = $2 AND phase <> 'cancelled' ORDER BY round",
      [districtCode, year],
    )) as Array<{ round: number }>;
    return rows.map((r) => r.round);
  }

  /** Posts other running campaigns already plan per street (they hold those vacancies until they end). */
  async plannedElsewhere(streetCodes: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, number>> {
    const rows = (await em.query(
      `SELECT p.street_code AS "streetCode", sum(p.count)::int AS planned
         FROM campaign_posts p JOIN campaigns c ON c.id = p.campaign_id
        WHERE p.street_code = ANY($1::text[]) AND c.phase <> ALL($2::text[])
        GROUP BY p.street_code`,
      [[...streetCodes], FINAL_PHASES],
    )) as Array<{ streetCode: string; planned: number }>;
    return new Map(rows.map((r) => [r.streetCode, r.planned]));
  }

  /** Campaigns whose district is inside the caller's scope, or whose district contains it (a street sees its district's). */
  async search(principal: Principal, year?: number): Promise<CampaignRow[]> {
    const scope = scopeOf(principal);
    return (await this.dataSource.query(
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
        WHERE (c.district_code LIKE $1 || '%' OR $1 LIKE c.district_code || '%') AND ($2::int IS NULL OR c.year = $2)
        ORDER BY c.year DESC, c.district_code, c.round LIMIT 500`,
      [scope, year ?? null],
    )) as CampaignRow[];
  }

  /** Moves the campaign to `phase`; undefined when it is there already (a retried activity). */
  async setPhase(em: EntityManager, id: string, phase: CampaignPhase): Promise<{ before: CampaignPhase; after: CampaignRow } | undefined> {
    const [locked] = (await em.query('SELECT phase FROM campaigns WHERE id = $1 FOR UPDATE', [id])) as Array<{ phase: CampaignPhase }>;
    if (!locked || locked.phase === phase) return undefined;
    await em.query('UPDATE campaigns SET phase = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, phase]);
    return { before: locked.phase, after: (await this.findById(id, em))! };
  }

  async withoutWorkflow(limit: number): Promise<CampaignRow[]> {
    return (await this.dataSource.query(
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c WHERE c.workflow_started_at IS NULL AND c.phase <> ALL($2::text[]) ORDER BY c.created_at LIMIT $1`,
      [limit, FINAL_PHASES],
    )) as CampaignRow[];
  }

  async markWorkflowStarted(id: string): Promise<void> {
    await this.dataSource.query('UPDATE campaigns SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL', [id]);
  }
}

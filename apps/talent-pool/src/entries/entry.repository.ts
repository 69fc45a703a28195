import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { likePrefixPattern, scopeOf, type Principal } from '@cwp/platform';
import type { EntryStatus, JoinRoute, PoolSource, WithdrawReason } from '@cwp/contracts';
import { EntryEntity } from './entry.entity';

export const ONE_ACTIVE_PER_PERSON_UNIT = 'entries_one_active_per_person_unit';

export interface EntrySearch {
  source?: PoolSource;
  status?: EntryStatus;
  /** Narrows to a subtree; combined (AND) with the caller's scope. */
  unit?: string;
  expiringBefore?: string;
  page: number;
  pageSize: number;
}

/** How an entry ends; personal data is erased in the same UPDATE. */
export type EntryEnding =
  | { status: 'joined'; endedOn: string; joinRoute: JoinRoute; joinedWorkerId: string | null }
  | { status: 'withdrawn'; endedOn: string; withdrawReason: WithdrawReason }
  | { status: 'expired'; endedOn: string };

/**
 * SQL of the entries table. Every method that changes a row takes the caller's transaction
 * (EntityManager), so the service decides what commits together (row + audit + outbox).
 */
@Injectable()
export class EntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts a new entry unless the partial unique index (one active entry per person per holding
   * unit) already holds one: `ON CONFLICT DO NOTHING`, so the index decides atomically and no
   * failed statement is logged (a failed INSERT would print its parameters, i.e. the name).
   * Returns false for such a duplicate.
   */
  async insert(em: EntityManager, row: EntryEntity): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(EntryEntity)
      // The jsonb column's type is wider than TypeORM's deep-partial insert type.
      .values(row as unknown as Record<string, never>)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length === 1;
  }

  async findById(id: string, em: EntityManager = this.dataSource.manager): Promise<EntryEntity | undefined> {
    return (await em.getRepository(EntryEntity).findOneBy({ id })) ?? undefined;
  }

  /** Locks the row for a state change (SELECT … FOR UPDATE). */
  async lock(em: EntityManager, id: string): Promise<EntryEntity | undefined> {
    const row = await em.getRepository(EntryEntity).createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
    return row ?? undefined;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.dataSource.getRepository(EntryEntity).count({ where: { id } })) > 0;
  }

  async search(filter: EntrySearch, principal: Principal): Promise<{ rows: EntryEntity[]; total: number }> {
    const qb = this.dataSource
      .getRepository(EntryEntity)
      .createQueryBuilder('e')
      .where('e.holding_unit LIKE :scope', { scope: likePrefixPattern(scopeOf(principal)) });
    if (filter.unit) qb.andWhere('e.holding_unit LIKE :unit', { unit: likePrefixPattern(filter.unit) });
    if (filter.source) qb.andWhere('e.source = :source', { source: filter.source });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.expiringBefore) qb.andWhere('e.expires_on < :before', { before: filter.expiringBefore });
    const [rows, total] = await qb
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { rows, total };
  }

  /**
   * Ends an active entry and erases its personal data in one guarded UPDATE (`status = 'active'`
   * in the WHERE: of two racing endings only one changes the row). Returns the updated row, or
   * undefined when the entry was not active.
   */
  async end(em: EntityManager, id: string, ending: EntryEnding): Promise<EntryEntity | undefined> {
    const result = (await em.query(
      `UPDATE entries SET
         status = $2, ended_on = $3,
         join_route = $4, joined_worker_id = $5, withdraw_reason = $6,
         name = NULL, national_id_enc = NULL, national_id_masked = NULL, phone_enc = NULL, phone_masked = NULL, person_ref = NULL,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND status = 'active'
       RETURNING id`,
      [
        id,
        ending.status,
        ending.endedOn,
        ending.status === 'joined' ? ending.joinRoute : null,
        ending.status === 'joined' ? ending.joinedWorkerId : null,
        ending.status === 'withdrawn' ? ending.withdrawReason : null,
      ],
    )) as [Array<{ id: string }>, number];
    if (result[1] !== 1) return undefined;
    return (await em.getRepository(EntryEntity).findOneBy({ id })) ?? undefined;
  }

  /** Records the reminder once per (entry, expiresOn); false when already reminded or ended. */
  async markReminded(em: EntityManager, id: string, expiresOn: string): Promise<EntryEntity | undefined> {
    const result = (await em.query(
      `UPDATE entries SET reminded_for = $2, updated_at = now()
       WHERE id = $1 AND status = 'active' AND expires_on = $2 AND reminded_for IS DISTINCT FROM $2
       RETURNING id`,
      [id, expiresOn],
    )) as [Array<{ id: string }>, number];
    if (result[1] !== 1) return undefined;
    return (await em.getRepository(EntryEntity).findOneBy({ id })) ?? undefined;
  }

  /** Active entries of a person (by keyed hash), locked: the hired-event handler ends them all. */
  async lockActiveByPersonRef(em: EntityManager, personRef: string): Promise<EntryEntity[]> {
    return em
      .getRepository(EntryEntity)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.person_ref = :personRef', { personRef })
      .andWhere("e.status = 'active'")
      .orderBy('e.id')
      .getMany();
  }

  /** Active entries whose workflow start was never confirmed (a crash between commit and start). */
  async withoutWorkflow(limit: number): Promise<EntryEntity[]> {
    return this.dataSource
      .getRepository(EntryEntity)
      .createQueryBuilder('e')
      .where('e.workflow_started_at IS NULL')
      .andWhere("e.status = 'active'")
      .orderBy('e.created_at')
      .limit(limit)
      .getMany();
  }

  async markWorkflowStarted(id: string): Promise<void> {
    await this.dataSource.query('UPDATE entries SET workflow_started_at = now() WHERE id = $1 AND workflow_started_at IS NULL', [id]);
  }
}

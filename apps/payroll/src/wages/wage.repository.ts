import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WAGE_COLUMNS, WAGE_CORRECTION_COLUMNS, type WageCorrectionRow, type WageRow } from './wage.row';

/** All SQL of the city average wage. Writes take the caller's transaction. */
@Injectable()
export class WageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(year: number, em: EntityManager = this.dataSource.manager): Promise<WageRow | undefined> {
    const rows = (await em.query(`SELECT ${WAGE_COLUMNS} FROM city_average_wages w WHERE w.year = $1`, [year])) as WageRow[];
    return rows[0];
  }

  async list(): Promise<WageRow[]> {
    return (await this.dataSource.query(`SELECT ${WAGE_COLUMNS} FROM city_average_wages w ORDER BY w.year DESC`)) as WageRow[];
  }

  async corrections(year: number): Promise<WageCorrectionRow[]> {
    return (await this.dataSource.query(`SELECT ${WAGE_CORRECTION_COLUMNS} FROM wage_corrections c WHERE c.year = $1 ORDER BY c.revision`, [
      year,
    ])) as WageCorrectionRow[];
  }

  /** Inserts the year's wage; undefined when the year already has one (the caller answers 409). */
  async insert(em: EntityManager, year: number, annualFen: number, by: string): Promise<WageRow | undefined> {
    const rows = (await em.query(
      `INSERT INTO city_average_wages AS w (year, annual_fen, published_by) VALUES ($1, $2, $3) ON CONFLICT (year) DO NOTHING RETURNING ${WAGE_COLUMNS}`,
      [year, annualFen, by],
    )) as WageRow[];
    return rows[0];
  }

  /** Corrects the wage if `revision` is still the current one; undefined otherwise (stale). */
  async correct(
    em: EntityManager,
    year: number,
    revision: number,
    annualFen: number,
    reason: string,
    by: string,
  ): Promise<{ before: WageRow; after: WageRow } | undefined> {
    const before = (await em.query(`SELECT ${WAGE_COLUMNS} FROM city_average_wages w WHERE w.year = $1 FOR UPDATE`, [year])) as WageRow[];
    if (!before[0] || before[0].revision !== revision) return undefined;
    const after = (await em.query(
      `UPDATE city_average_wages w SET annual_fen = $2, revision = revision + 1, updated_at = now() WHERE w.year = $1 RETURNING ${WAGE_COLUMNS}`,
      [year, annualFen],
    )) as [WageRow[], number];
    const row = after[0][0]!;
    await em.query(
      'INSERT INTO wage_corrections (year, revision, previous_fen, annual_fen, reason, corrected_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [year, row.revision, before[0].annualFen, annualFen, reason, by],
    );
    return { before: before[0], after: row };
  }
}

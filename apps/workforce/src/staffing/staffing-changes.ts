import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { keysetPage, keysetStartOf, likePrefixPattern, scopeOf, type KeysetQueryDto, type Principal } from '@cwp/platform';

/** A street's staffing as last published on `cwp.workforce.staffing` (the topic's state, QUOTA-6). */
export interface StaffingState {
  /** The street (9 digits): the key, as on the topic. */
  unitCode: string;
  quota: number;
  headcount: number;
  vacancies: number;
  /** When these figures were published (UTC, microseconds). */
  updatedAt: string;
}

export interface StaffingChangesResponse {
  items: StaffingState[];
  nextCursor: string;
  hasMore: boolean;
}

export class StaffingStateDoc implements StaffingState {
  @ApiProperty({ example: '310101002', description: 'The street: the key, as on the staffing topic' }) unitCode!: string;
  @ApiProperty({ minimum: 0, description: 'Area and centre quotas, borrowed floating places included (QUOTA-1..4)' }) quota!: number;
  @ApiProperty({ minimum: 0, description: 'Workers not exited' }) headcount!: number;
  @ApiProperty({ minimum: 0, description: 'Σ max(0, quota − headcount) over the street’s units (QUOTA-6)' }) vacancies!: number;
  @ApiProperty({ example: '2026-12-02T06:15:42.123456Z', description: 'When these figures were published' }) updatedAt!: string;
}

export class StaffingChangesResponseDoc implements StaffingChangesResponse {
  @ApiProperty({ type: [StaffingStateDoc] }) items!: StaffingStateDoc[];
  @ApiProperty({ description: 'Opaque: pass it as cursor for the next page; keep the last one to ask later for what changed since' })
  nextCursor!: string;
  @ApiProperty({ description: 'False on the last page for now' }) hasMore!: boolean;
}

/**
 * The keyset walk of unit staffing (issue 14 bootstrap, beside the compacted topic): the streets
 * whose published figures changed since `updatedSince`, in (published_at, unit code) order, over
 * the caller's subtree. The key is the street code (text, collation "C"), so the platform's
 * keyset walk runs with a text key; a change still uncommitted is never passed.
 */
@Injectable()
export class StaffingChanges {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: KeysetQueryDto, principal: Principal): Promise<StaffingChangesResponse> {
    const page = await keysetPage<StaffingState>(this.dataSource.manager, {
      table: 'staffing_published',
      alias: 's',
      columns: 's.unit_code AS id, s.unit_code AS "unitCode", s.quota, s.headcount, s.vacancies',
      updatedColumn: 'published_at',
      keyColumn: 'unit_code',
      keyType: 'text',
      where: 's.unit_code LIKE $1',
      params: [likePrefixPattern(scopeOf(principal))],
      start: keysetStartOf(query, 'text'),
      limit: query.limit,
    });
    return {
      items: page.rows.map((r) => ({
        unitCode: r.unitCode,
        quota: r.quota,
        headcount: r.headcount,
        vacancies: r.vacancies,
        updatedAt: r.keysetPosition,
      })),
      nextCursor: page.nextCursor,
      hasMore: page.hasMore,
    };
  }
}

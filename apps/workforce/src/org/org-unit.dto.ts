/** Request and response shapes of /api/workforce/units, and the mapper from a row. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { UNIT_KINDS, type OrgUnitRow, type UnitKind } from './org-unit.row';

export const UNIT_CODE_PATTERN = /^31(\d{4}|\d{7}|\d{10})?$/;

export class ListUnitsQueryDto {
  /** Direct children of this unit (default: the caller's own unit); with `kind`, its whole subtree. */
  @ApiPropertyOptional({ example: '310101', description: "Default: the caller's own unit" })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: 'parent must be an org unit code (2, 6, 9 or 12 digits starting with 31)' })
  parent?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS, description: 'With a kind: that kind anywhere beneath parent' })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  @ApiPropertyOptional({ default: 1 })
  page: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  pageSize: number = 100;
}

/** QUOTA-1/2 inputs of an area; the yearly review (QUOTA-5) reads the current figures. */
export class UpdateUnitDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  @ApiPropertyOptional({ example: 2300, description: 'QUOTA-2 input of an area' })
  households?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  @ApiPropertyOptional({ example: 5600 })
  population?: number;

  /** Optimistic concurrency: the version read; a stale one is 409 VERSION_CONFLICT. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647) // the PostgreSQL integer column
  @ApiPropertyOptional({ description: 'The version read (optimistic concurrency); stale → 409' })
  version?: number;
}

export interface UnitResponse {
  code: string;
  name: string;
  nameEn: string | null;
  kind: UnitKind;
  parent: string | null;
  region: string | null;
  households: number | null;
  population: number | null;
  synthetic: boolean;
  version: number;
}

export interface UnitDetailResponse extends UnitResponse {
  /** Units beneath, by kind, and the households and population of the areas beneath (ORG-2). */
  children: { direct: number; districts: number; streets: number; areas: number };
  totals: { households: number; population: number };
}

export interface UnitPageResponse {
  items: UnitResponse[];
  page: number;
  pageSize: number;
  total: number;
}

export function toUnitResponse(row: OrgUnitRow): UnitResponse {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    parent: row.parent,
    region: row.region,
    households: row.households,
    population: row.population,
    synthetic: row.synthetic,
    version: row.version,
  };
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** A four-digit year from 1900 to 2199 first: week dates, ordinals and far years are refused. */
const ISO_YEAR_FIRST = /^(?:19|20|21)\d{2}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'talent_pool_entry' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,62}$/)
  entity?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;

  @ApiPropertyOptional({ description: 'JWT subject of the operator' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({ enum: ['allowed', 'denied'] }) @IsOptional() @IsIn(['allowed', 'denied']) outcome?: 'allowed' | 'denied';

  // strict: a day or time that does not exist (2026-02-30) is refused here, not by PostgreSQL (issue 8, defect 4).
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_YEAR_FIRST)
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ISO_YEAR_FIRST)
  to?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize: number = 50;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() role!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ['allowed', 'denied'] }) outcome!: 'allowed' | 'denied';
  @ApiProperty() action!: string;
  @ApiProperty() entity!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ type: [String] }) changedFields!: string[];
  @ApiPropertyOptional({ nullable: true, type: Object, description: 'Changed fields only; personal values masked' }) before!: Record<
    string,
    unknown
  > | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) after!: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

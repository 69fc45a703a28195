import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { keysetStart, type KeysetKeyType, type KeysetPosition } from '../database/keyset';

/**
 * The query of a `…/changes` endpoint (issue 14 bootstrap): start with `updatedSince` (or nothing:
 * from the beginning), continue with each page's `nextCursor`. Order (updatedAt, id); a row changed
 * during the walk comes again later with its latest state; the last page's cursor is kept to ask,
 * later, for what changed since.
 */
export class KeysetQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'Rows changed at or after this instant (ISO 8601 with a zone)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'updatedSince must be an ISO 8601 instant such as 2026-01-01T00:00:00Z' })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'updatedSince must carry its time zone (Z or +08:00)' })
  updatedSince?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page, unchanged (opaque); wins over updatedSince' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page, unchanged' })
  cursor?: string;

  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: 2000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit: number = 500;
}

/** Where the walk of a query starts (a bad cursor is 400 VALIDATION_FAILED on `cursor`). */
export function keysetStartOf(query: KeysetQueryDto, keyType: KeysetKeyType = 'uuid'): KeysetPosition {
  return keysetStart(
    {
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.updatedSince ? { updatedSince: query.updatedSince } : {}),
    },
    keyType,
  );
}

import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { WageCorrectionRow, WageRow } from './wage.row';

/** PAY-1/PAY-3: publish the city's average wage of a year (city operators; once per year). */
export class PublishWageDto {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2200 })
  @IsInt()
  @Min(2000)
  @Max(2200)
  year!: number;

  @ApiProperty({ example: 14_400_000, description: 'Average annual wage in fen (¥144,000 → 14400000)' })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  annualFen!: number;
}

/** A correction: only with a reason (audited), against the revision the operator read. */
export class CorrectWageDto {
  @ApiProperty({ example: 14_520_000 })
  @IsInt()
  @Min(1)
  @Max(10_000_000_000)
  annualFen!: number;

  @ApiProperty({ example: 'Statistics bureau revised the 2026 figure', minLength: 5, maxLength: 500 })
  @IsString()
  @Length(5, 500)
  reason!: string;

  @ApiProperty({ description: 'The revision read (409 VERSION_CONFLICT when it changed since)', minimum: 1 })
  @IsInt()
  @Min(1)
  revision!: number;
}

export class WageCorrectionResponse {
  @ApiProperty() revision!: number;
  @ApiProperty() previousFen!: number;
  @ApiProperty() annualFen!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() correctedBy!: string;
  @ApiProperty() correctedAt!: string;

  static toResponse(row: WageCorrectionRow): WageCorrectionResponse {
    return {
      revision: row.revision,
      previousFen: row.previousFen,
      annualFen: row.annualFen,
      reason: row.reason,
      correctedBy: row.correctedBy,
      correctedAt: new Date(row.correctedAt).toISOString(),
    };
  }
}

export class WageResponse {
  @ApiProperty() year!: number;
  @ApiProperty() annualFen!: number;
  @ApiProperty({ description: '1 when first published; +1 per correction' }) revision!: number;
  @ApiProperty() publishedBy!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ type: [WageCorrectionResponse] }) corrections!: WageCorrectionResponse[];

  static toResponse(row: WageRow, corrections: WageCorrectionRow[] = []): WageResponse {
    return {
      year: row.year,
      annualFen: row.annualFen,
      revision: row.revision,
      publishedBy: row.publishedBy,
      publishedAt: new Date(row.publishedAt).toISOString(),
      corrections: corrections.map(WageCorrectionResponse.toResponse),
    };
  }
}

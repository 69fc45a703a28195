import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Length } from 'class-validator';
import type { PolicyVersion } from '@cwp/policy';

/**
 * Store a new parameter version: either a whole version, or `basedOn` an existing one with only
 * the changes (e.g. `{ id, effectiveFrom, note, pay: { multiplier: 1.3 } }`). libs/policy
 * validates the result and names any out-of-bounds field (`pay.multiplier: 1.6 is outside 1..1.5 (PAY-3)`).
 */
export class StorePolicyVersionDto {
  @ApiPropertyOptional({ example: '2027-proposal', description: 'Id of the version the changes apply to' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  basedOn?: string;

  @ApiProperty({
    description: 'The version (whole, or the changes when basedOn is given)',
    example: { id: '2028-city', effectiveFrom: '2028-01-01', note: 'City decision', pay: { multiplier: 1.3 } },
  })
  @IsObject()
  version!: Record<string, unknown>;
}

export class PolicyVersionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: ['shipped', 'stored'] }) source!: 'shipped' | 'stored';
  @ApiProperty({ description: 'The pay parameters (PAY-1..7)' }) pay!: PolicyVersion['pay'];

  static toResponse(version: PolicyVersion, source: 'shipped' | 'stored'): PolicyVersionResponse {
    return { id: version.id, effectiveFrom: version.effectiveFrom, note: version.note, source, pay: version.pay };
  }
}

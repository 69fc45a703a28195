/**
 * The OpenAPI classes of the org-unit responses (issue 14: every operation documents its success
 * schema). Each `implements` the response type the service returns, so a field added to the type
 * without its documentation fails the type-check.
 */
import { ApiProperty } from '@nestjs/swagger';
import type { UnitDetailResponse, UnitPageResponse, UnitResponse } from './org-unit.dto';
import { UNIT_KINDS, type UnitKind } from './org-unit.row';

export class UnitResponseDoc implements UnitResponse {
  @ApiProperty({ example: '310101002' }) code!: string;
  @ApiProperty({ example: '南京东路街道' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ type: String, nullable: true }) parent!: string | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'QUOTA-2 input (areas)' }) households!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) population!: number | null;
  @ApiProperty() synthetic!: boolean;
  @ApiProperty({ type: 'integer', description: 'Row version; also the ETag. Send it back as `version` or If-Match' }) version!: number;
}

class UnitChildrenDoc {
  @ApiProperty({ type: 'integer' }) direct!: number;
  @ApiProperty({ type: 'integer' }) districts!: number;
  @ApiProperty({ type: 'integer' }) streets!: number;
  @ApiProperty({ type: 'integer' }) areas!: number;
}

class UnitTotalsDoc {
  @ApiProperty({ type: 'integer' }) households!: number;
  @ApiProperty({ type: 'integer' }) population!: number;
}

export class UnitDetailResponseDoc extends UnitResponseDoc implements UnitDetailResponse {
  @ApiProperty({ type: UnitChildrenDoc }) children!: UnitChildrenDoc;
  @ApiProperty({ type: UnitTotalsDoc }) totals!: UnitTotalsDoc;
}

export class UnitPageResponseDoc implements UnitPageResponse {
  @ApiProperty({ type: [UnitResponseDoc] }) items!: UnitResponseDoc[];
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
}

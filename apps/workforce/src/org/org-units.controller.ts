import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { CurrentPrincipal, IfMatchVersion, Roles, type Principal } from '@cwp/platform';
import { ListUnitsQueryDto, UpdateUnitDto, type UnitDetailResponse, type UnitPageResponse, type UnitResponse } from './org-unit.dto';
import { UnitDetailResponseDoc, UnitPageResponseDoc, UnitResponseDoc } from './org-unit-response.doc';
import { OrgUnitsService } from './org-units.service';

/** /api/workforce/units: the org tree within the caller's jurisdiction (ORG-2). */
@ApiTags('org units')
@Controller('units')
@Roles('city', 'district', 'street')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Get()
  @ApiOkResponse({ type: UnitPageResponseDoc })
  list(@Query() query: ListUnitsQueryDto, @CurrentPrincipal() principal: Principal): Promise<UnitPageResponse> {
    return this.units.list(query, principal);
  }

  @Get(':code')
  @ApiOkResponse({ type: UnitDetailResponseDoc })
  get(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<UnitDetailResponse> {
    return this.units.get(code, principal);
  }

  /** District or city operators, within scope: an area's households and population (QUOTA-2 inputs). */
  @Patch(':code')
  @ApiOkResponse({ type: UnitResponseDoc })
  @IfMatchVersion()
  @Roles('city', 'district')
  update(@Param('code') code: string, @Body() dto: UpdateUnitDto, @CurrentPrincipal() principal: Principal): Promise<UnitResponse> {
    return this.units.update(code, dto, principal);
  }
}

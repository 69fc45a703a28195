import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { CurrentPrincipal, KeysetQueryDto, Roles, type Principal } from '@cwp/platform';
import { StaffingChanges, StaffingChangesResponseDoc, type StaffingChangesResponse } from './staffing-changes';

/** GET /api/workforce/staffing/changes: the integrators' walk of unit staffing (issue 14), like /workers/changes. */
@ApiTags('staffing')
@Controller('staffing')
@Roles('city', 'district', 'street')
export class StaffingChangesController {
  constructor(private readonly changes: StaffingChanges) {}

  @Get('changes')
  @ApiOkResponse({ type: StaffingChangesResponseDoc })
  @ApiOperation({
    summary:
      'Integrators: every street whose staffing (quota, headcount, vacancies) was published since updatedSince, keyset-paged in (updatedAt, unitCode) order; follow nextCursor',
  })
  list(@Query() query: KeysetQueryDto, @CurrentPrincipal() principal: Principal): Promise<StaffingChangesResponse> {
    return this.changes.page(query, principal);
  }
}

/** The walk alone (no Kafka): the app and its test app import it. */
@Module({ controllers: [StaffingChangesController], providers: [StaffingChanges] })
export class StaffingChangesModule {}

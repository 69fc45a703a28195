import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { PerformancePoolResponse, PoolQueryDto } from './performance-pool.dto';
import { PerformancePoolsService } from './performance-pools.service';

/** /api/payroll/performance-pools: a unit's performance pool (PAY-5, PAY-6). */
@ApiTags('performance-pools')
@Controller('performance-pools')
export class PerformancePoolsController {
  constructor(private readonly pools: PerformancePoolsService) {}

  @Get(':unitCode/:payYear')
  @Roles('city', 'district', 'street')
  @ApiOperation({
    summary:
      "A unit's performance pool: quota × per-place amount, shared by appraisal grade, per worker with the explanation; 404 outside scope (audited)",
  })
  @ApiOkResponse({ type: PerformancePoolResponse })
  pool(
    @Param('unitCode') unitCode: string,
    @Param('payYear', ParseIntPipe) payYear: number,
    @Query() query: PoolQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PerformancePoolResponse> {
    return this.pools.pool(unitCode, payYear, query.appraisalYear, principal);
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { PayWorkerResponse, ReconciliationResponse } from './pay-worker.dto';
import { PayWorkersService } from './pay-workers.service';

/** /api/payroll/workers: the pay projection of the roster, within the caller's scope (ORG-2). */
@ApiTags('workers')
@Controller('workers')
export class PayWorkersController {
  constructor(private readonly workers: PayWorkersService) {}

  @Get('reconciliation')
  @Roles('city')
  @ApiOperation({ summary: 'Projection vs workforce events consumed: counts and discrepancies' })
  @ApiOkResponse({ type: ReconciliationResponse })
  reconciliation(): Promise<ReconciliationResponse> {
    return this.workers.reconciliation();
  }

  @Get(':workerId')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: "A worker's pay facts (post, level, title, entry date, unit, status, current yearly pay)" })
  @ApiOkResponse({ type: PayWorkerResponse })
  get(@Param('workerId') workerId: string, @CurrentPrincipal() principal: Principal): Promise<PayWorkerResponse> {
    return this.workers.get(workerId, principal);
  }
}

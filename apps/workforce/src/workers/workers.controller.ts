import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, IfMatchVersion, KeysetQueryDto, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { PromotionsService, type PromotionResponse } from './promotions.service';
import { WorkerLifecycleService, type ExitResponse } from './worker-lifecycle.service';
import {
  ExitDto,
  ExportWorkersQueryDto,
  HireWorkerDto,
  LeaveDto,
  ListWorkersQueryDto,
  PromotionDto,
  ReturnDto,
  TransferDto,
  UpdateWorkerDto,
  type WorkerChangesResponse,
  type WorkerPageResponse,
  type WorkerResponse,
} from './worker.dto';
import { WORKER_ENTITY_NAME } from './worker-access';
import {
  ExitResponseDoc,
  PromotionResponseDoc,
  UpdatedWorkerResponseDoc,
  WorkerChangesResponseDoc,
  WorkerPageResponseDoc,
  WorkerResponseDoc,
} from './worker-response.doc';
import { WorkersService, type UpdatedWorkerResponse } from './workers.service';

/** A worker id that is not a UUID names no worker: 404, exactly like a missing one. */
const WORKER_ID = new UuidPipe({ entity: WORKER_ENTITY_NAME });

/**
 * /api/workforce/workers. Thin: one service call per handler. Every query is limited to the
 * caller's unit subtree (ORG-2; outside it answers 404 and the denial is audited); mutations
 * honour Idempotency-Key (the platform's global interceptor).
 */
@ApiTags('workers')
@Controller('workers')
@Roles('city', 'district', 'street')
export class WorkersController {
  constructor(
    private readonly workers: WorkersService,
    private readonly lifecycle: WorkerLifecycleService,
    private readonly promotions: PromotionsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: WorkerResponseDoc })
  @ApiOperation({ summary: 'Hire (appoint or elect) a worker; emits cwp.workforce.worker.hired.v1' })
  hire(@Body() dto: HireWorkerDto, @CurrentPrincipal() principal: Principal): Promise<WorkerResponse> {
    return this.workers.hire(dto, principal);
  }

  @Get()
  @ApiOkResponse({ type: WorkerPageResponseDoc })
  @ApiOperation({ summary: 'Search the roster within jurisdiction: filters, whitelisted sort, pages with total' })
  list(@Query() query: ListWorkersQueryDto, @CurrentPrincipal() principal: Principal): Promise<WorkerPageResponse> {
    return this.workers.list(query, principal);
  }

  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The roster file (Chinese headers and labels), streamed', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'The roster within jurisdiction (the list filters) as XLSX or CSV, streamed from a database cursor' })
  export(@Query() query: ExportWorkersQueryDto, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return this.workers.export(query, principal);
  }

  @Get('changes')
  @ApiOkResponse({ type: WorkerChangesResponseDoc })
  @ApiOperation({
    summary:
      'Integrators: every worker changed since updatedSince, keyset-paged in (updatedAt, id) order; follow nextCursor (docs in workers/README.md)',
  })
  changes(@Query() query: KeysetQueryDto, @CurrentPrincipal() principal: Principal): Promise<WorkerChangesResponse> {
    return this.workers.changedSince(query, principal);
  }

  @Get(':id')
  @ApiOkResponse({
    type: WorkerResponseDoc,
    headers: { ETag: { description: 'The row version: send it as If-Match', schema: { type: 'string' } } },
  })
  get(@Param('id', WORKER_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<WorkerResponse> {
    return this.workers.get(id, principal);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UpdatedWorkerResponseDoc })
  @IfMatchVersion()
  @ApiOperation({ summary: 'Change post category, level, refinement, title or role (version required; 409 when stale)' })
  update(
    @Param('id', WORKER_ID) id: string,
    @Body() dto: UpdateWorkerDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UpdatedWorkerResponse> {
    return this.workers.update(id, dto, principal);
  }

  @Post(':id/leave')
  @ApiOkResponse({ type: WorkerResponseDoc })
  @IfMatchVersion()
  @HttpCode(200)
  leave(@Param('id', WORKER_ID) id: string, @Body() dto: LeaveDto, @CurrentPrincipal() principal: Principal): Promise<WorkerResponse> {
    return this.lifecycle.leave(id, dto, principal);
  }

  @Post(':id/return')
  @ApiOkResponse({ type: WorkerResponseDoc })
  @IfMatchVersion()
  @HttpCode(200)
  return(@Param('id', WORKER_ID) id: string, @Body() dto: ReturnDto, @CurrentPrincipal() principal: Principal): Promise<WorkerResponse> {
    return this.lifecycle.return(id, dto, principal);
  }

  @Post(':id/transfer')
  @ApiOkResponse({ type: WorkerResponseDoc })
  @IfMatchVersion()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move to another street or area; both must be in the caller scope (ORG-2)' })
  transfer(
    @Param('id', WORKER_ID) id: string,
    @Body() dto: TransferDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkerResponse> {
    return this.lifecycle.transfer(id, dto, principal);
  }

  @Post(':id/exit')
  @ApiOkResponse({ type: ExitResponseDoc })
  @IfMatchVersion()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exit with an EXIT-1/2/3 cause fitting the entry route (ORG-3); explained with rule IDs' })
  exit(@Param('id', WORKER_ID) id: string, @Body() dto: ExitDto, @CurrentPrincipal() principal: Principal): Promise<ExitResponse> {
    return this.lifecycle.exit(id, dto, principal);
  }

  @Post(':id/promotions')
  @ApiOkResponse({ type: PromotionResponseDoc })
  @IfMatchVersion()
  @HttpCode(200)
  @ApiOperation({ summary: 'PROM-1 one step up the title (under PROM-3 4:4:2) or role ladder' })
  promote(
    @Param('id', WORKER_ID) id: string,
    @Body() dto: PromotionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PromotionResponse> {
    return this.promotions.promote(id, dto, principal);
  }
}

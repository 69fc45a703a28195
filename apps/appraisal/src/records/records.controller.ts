import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { DecideNoticeDto, RecordResponse, TaskDoneDto, TaskListQuery, TaskResponse, toRecordResponse, toTaskResponse } from './record.dto';
import { RecordsService } from './records.service';

@ApiTags('records')
@ApiBearerAuth()
@Controller()
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get('records/:workerId')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: "A worker's performance record: admonishments, adjustments, exit notices (APPR-5, EXIT-2, EXIT-3)" })
  @ApiOkResponse({ type: RecordResponse })
  async record(@Param('workerId') workerId: string, @CurrentPrincipal() principal: Principal): Promise<RecordResponse> {
    const { record, tasks } = await this.records.record(workerId, principal);
    return toRecordResponse(record, tasks);
  }

  @Get('tasks')
  @Roles('city', 'district', 'street')
  @ApiOperation({ summary: 'Record tasks in the caller scope (by due date; at most 500)' })
  @ApiOkResponse({ type: [TaskResponse] })
  async tasks(@Query() query: TaskListQuery, @CurrentPrincipal() principal: Principal): Promise<TaskResponse[]> {
    return (await this.records.tasks(principal, query.unit, query.open ?? false)).map(toTaskResponse);
  }

  @Post('records/:workerId/tasks/:taskId/done')
  @HttpCode(200)
  @Roles('district', 'street')
  @ApiOperation({ summary: 'APPR-5: the admonishment talk (or the adjustment) was held: when and by whom' })
  @ApiOkResponse({ type: TaskResponse })
  async done(
    @Param('workerId') workerId: string,
    @Param('taskId') taskId: string,
    @Body() dto: TaskDoneDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TaskResponse> {
    return toTaskResponse(await this.records.markDone(workerId, taskId, dto, principal));
  }

  @Post('records/:workerId/tasks/:taskId/decision')
  @HttpCode(200)
  @Roles('district', 'street')
  @ApiOperation({ summary: 'EXIT-3: confirm or contest the exit notice of a recruited worker unqualified two years in a row' })
  @ApiOkResponse({ type: TaskResponse })
  async decide(
    @Param('workerId') workerId: string,
    @Param('taskId') taskId: string,
    @Body() dto: DecideNoticeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TaskResponse> {
    return toTaskResponse(await this.records.decideNotice(workerId, taskId, dto, principal));
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { TraineesService } from './trainees.service';
import { RecordFourOneDto, SetEducationDto, TraineeResponse } from './trainee.dto';

/** /api/training/workers: each worker's development plan (TRAIN-2, TRAIN-6). Thin. */
@ApiTags('training workers (TRAIN-2, TRAIN-6)')
@Controller('workers')
@Roles('city', 'district', 'street')
export class TraineesController {
  constructor(private readonly trainees: TraineesService) {}

  @Get(':workerId')
  @ApiOkResponse({ type: TraineeResponse })
  get(@Param('workerId') workerId: string, @CurrentPrincipal() principal: Principal): Promise<TraineeResponse> {
    return this.trainees.get(workerId, principal);
  }

  /** TRAIN-2: evidence of one of the four ones (a second record of the same item corrects it). */
  @Post(':workerId/four-ones')
  @HttpCode(200)
  @ApiOkResponse({ type: TraineeResponse })
  recordFourOne(
    @Param('workerId') workerId: string,
    @Body() dto: RecordFourOneDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TraineeResponse> {
    return this.trainees.recordFourOne(workerId, dto, principal);
  }

  @Put(':workerId/education')
  @ApiOkResponse({ type: TraineeResponse })
  setEducation(
    @Param('workerId') workerId: string,
    @Body() dto: SetEducationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TraineeResponse> {
    return this.trainees.setEducation(workerId, dto, principal);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { CLASS_ENTITY_NAME } from './class-access';
import { ClassesService } from './classes.service';
import {
  AttendanceResponse,
  CertificateResponse,
  ClassPageResponse,
  ClassResponse,
  CreateClassDto,
  EnrolDto,
  EnrolResponse,
  HoursEntryResponse,
  HoursQueryDto,
  OnlineCompletionDto,
  RecordAttendanceDto,
  RecordCertificateDto,
  WorkerHoursResponse,
} from './class.dto';

const CLASS_ID = new UuidPipe({ entity: CLASS_ENTITY_NAME });

/** /api/training/classes: classes, enrolments and attendance (TRAIN-3, TRAIN-4). Thin. */
@ApiTags('training classes (TRAIN-3, TRAIN-4, TRAIN-8)')
@Controller()
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  @Post('classes')
  @Roles('city', 'district', 'street')
  @ApiCreatedResponse({ type: ClassResponse })
  create(@Body() dto: CreateClassDto, @CurrentPrincipal() principal: Principal): Promise<ClassResponse> {
    return this.classes.create(dto, principal);
  }

  @Get('classes')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: ClassPageResponse })
  list(@CurrentPrincipal() principal: Principal): Promise<ClassPageResponse> {
    return this.classes.list(principal);
  }

  @Get('classes/:id')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: ClassResponse })
  get(@Param('id', CLASS_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<ClassResponse> {
    return this.classes.get(id, principal);
  }

  @Post('classes/:id/enrolments')
  @HttpCode(200)
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: EnrolResponse })
  enrol(@Param('id', CLASS_ID) id: string, @Body() dto: EnrolDto, @CurrentPrincipal() principal: Principal): Promise<EnrolResponse> {
    return this.classes.enrol(id, dto, principal);
  }

  @Post('classes/:id/attendance')
  @HttpCode(200)
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: AttendanceResponse })
  attendance(
    @Param('id', CLASS_ID) id: string,
    @Body() dto: RecordAttendanceDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AttendanceResponse> {
    return this.classes.recordAttendance(id, dto, principal);
  }

  /** For the e-learning system (role `system`): 201 when new, 200 for a replay of the same completion id. */
  @Post('completions')
  @Roles('system')
  @ApiCreatedResponse({ type: HoursEntryResponse })
  @ApiOkResponse({ type: HoursEntryResponse, description: 'A replay of a recorded completion id' })
  async completion(
    @Body() dto: OnlineCompletionDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: { status(code: number): unknown },
  ): Promise<HoursEntryResponse> {
    const { created, entry } = await this.classes.recordCompletion(dto, principal);
    if (!created) res.status(200);
    return entry;
  }

  @Get('workers/:workerId/hours')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: WorkerHoursResponse })
  hours(
    @Param('workerId') workerId: string,
    @Query() query: HoursQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkerHoursResponse> {
    return this.classes.hoursOf(workerId, query.year, principal);
  }

  @Post('certificates')
  @Roles('city', 'district', 'street')
  @ApiCreatedResponse({ type: CertificateResponse })
  certificate(@Body() dto: RecordCertificateDto, @CurrentPrincipal() principal: Principal): Promise<CertificateResponse> {
    return this.classes.recordCertificate(dto, principal);
  }
}

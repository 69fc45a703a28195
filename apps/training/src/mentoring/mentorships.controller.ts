import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { MentorshipsService } from './mentorships.service';
import { CheckinDto, CreateMentorshipDto, MentorshipResponse } from './mentorship.dto';

const MENTORSHIP_ID = new UuidPipe({ entity: 'Mentorship' });

/** /api/training/mentorships: mentoring pairs (TRAIN-9). Thin. */
@ApiTags('training mentoring (TRAIN-9)')
@Controller('mentorships')
@Roles('city', 'district', 'street')
export class MentorshipsController {
  constructor(private readonly mentorships: MentorshipsService) {}

  @Post()
  @ApiCreatedResponse({ type: MentorshipResponse })
  create(@Body() dto: CreateMentorshipDto, @CurrentPrincipal() principal: Principal): Promise<MentorshipResponse> {
    return this.mentorships.create(dto, principal);
  }

  @Get(':id')
  @ApiOkResponse({ type: MentorshipResponse })
  get(@Param('id', MENTORSHIP_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<MentorshipResponse> {
    return this.mentorships.get(id, principal);
  }

  @Post(':id/check-ins')
  @ApiCreatedResponse({ type: MentorshipResponse })
  checkin(
    @Param('id', MENTORSHIP_ID) id: string,
    @Body() dto: CheckinDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MentorshipResponse> {
    return this.mentorships.checkin(id, dto, principal);
  }
}

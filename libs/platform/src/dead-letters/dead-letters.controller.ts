import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { NoSystemRead } from '../auth/system-access';
import { DeadLetterDto, DeadLetterQueryDto, ReplayResultDto } from './dead-letters.dto';
import { DeadLettersService } from './dead-letters.service';

/** `GET /api/<service>/dead-letters`, `POST …/dead-letters/:id/replay`: city operators only. */
@ApiTags('dead-letters')
@NoSystemRead() // operations data, not the records an HR system reads
@Roles('city')
@Controller('dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @ApiOperation({ summary: "Messages this service's consumers gave up on (oldest first)" })
  @ApiOkResponse({ type: [DeadLetterDto] })
  list(@Query() query: DeadLetterQueryDto): Promise<DeadLetterDto[]> {
    return this.deadLetters.list(query);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand a dead letter to its consumer again, through the inbox (a duplicate is not applied twice)' })
  @ApiOkResponse({ type: ReplayResultDto })
  replay(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ReplayResultDto> {
    return this.deadLetters.replay(id, principal);
  }
}

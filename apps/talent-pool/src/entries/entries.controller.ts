import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, KeysetQueryDto, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { ENTRY_ENTITY_NAME } from './entry-access';
import { EntriesService } from './entries.service';
import { EntryEndings } from './entry-endings.service';
import {
  EntryChangesResponse,
  EntryPageResponse,
  EntryResponse,
  JoinEntryDto,
  ListEntriesQueryDto,
  RegisterEntryDto,
  WithdrawEntryDto,
} from './entry.dto';

/** A malformed entry id names no entry: 404, as a missing one (checked before it reaches SQL). */
const ENTRY_ID = new UuidPipe({ entity: ENTRY_ENTITY_NAME });

/**
 * /api/talent-pool/entries. Thin: one service call per handler. Mutations honour Idempotency-Key
 * (the platform's global interceptor); every query is limited to the caller's unit subtree.
 */
@ApiTags('talent-pool entries (POOL-1..3)')
@Controller('entries')
@Roles('city', 'district', 'street')
export class EntriesController {
  constructor(
    private readonly entries: EntriesService,
    private readonly endings: EntryEndings,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: EntryResponse })
  register(@Body() dto: RegisterEntryDto, @CurrentPrincipal() principal: Principal): Promise<EntryResponse> {
    return this.entries.register(dto, principal);
  }

  @Get()
  @ApiOkResponse({ type: EntryPageResponse })
  list(@Query() query: ListEntriesQueryDto, @CurrentPrincipal() principal: Principal): Promise<EntryPageResponse> {
    return this.entries.list(query, principal);
  }

  @Get('changes')
  @ApiOkResponse({ type: EntryChangesResponse })
  @ApiOperation({
    summary: 'Integrators: every entry changed since updatedSince, keyset-paged in (updatedAt, id) order; follow nextCursor (README)',
  })
  changes(@Query() query: KeysetQueryDto, @CurrentPrincipal() principal: Principal): Promise<EntryChangesResponse> {
    return this.entries.changedSince(query, principal);
  }

  @Get(':id')
  @ApiOkResponse({ type: EntryResponse })
  get(@Param('id', ENTRY_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<EntryResponse> {
    return this.entries.get(id, principal);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: EntryResponse })
  withdraw(
    @Param('id', ENTRY_ID) id: string,
    @Body() dto: WithdrawEntryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EntryResponse> {
    return this.endings.withdraw(id, dto, principal);
  }

  @Post(':id/join')
  @HttpCode(200)
  @ApiOkResponse({ type: EntryResponse })
  join(@Param('id', ENTRY_ID) id: string, @Body() dto: JoinEntryDto, @CurrentPrincipal() principal: Principal): Promise<EntryResponse> {
    return this.endings.join(id, dto, principal);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { LIBRARY_ENTITY_NAME } from './library-access';
import { LibraryService } from './library.service';
import { CreateResourceDto, LibraryPageResponse, LibraryResourceResponse, PickResourceDto, SearchLibraryQueryDto } from './library.dto';

const RESOURCE_ID = new UuidPipe({ entity: LIBRARY_ENTITY_NAME });

/** /api/training/library: the city-wide resource library (TRAIN-10). Thin: one service call per handler. */
@ApiTags('training library (TRAIN-1, TRAIN-5, TRAIN-7, TRAIN-10)')
@Controller('library')
@Roles('city', 'district', 'street')
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Post()
  @Roles('city', 'district')
  @ApiCreatedResponse({ type: LibraryResourceResponse })
  create(@Body() dto: CreateResourceDto, @CurrentPrincipal() principal: Principal): Promise<LibraryResourceResponse> {
    return this.library.create(dto, principal);
  }

  @Get()
  @ApiOkResponse({ type: LibraryPageResponse })
  search(@Query() query: SearchLibraryQueryDto, @CurrentPrincipal() principal: Principal): Promise<LibraryPageResponse> {
    return this.library.search(query, principal);
  }

  @Get('picks/:unitCode')
  @ApiOkResponse({ type: LibraryPageResponse })
  picks(@Param('unitCode') unitCode: string, @CurrentPrincipal() principal: Principal): Promise<LibraryPageResponse> {
    return this.library.picks(unitCode, principal);
  }

  @Get(':id')
  @ApiOkResponse({ type: LibraryResourceResponse })
  get(@Param('id', RESOURCE_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<LibraryResourceResponse> {
    return this.library.get(id, principal);
  }

  @Post(':id/picks')
  @HttpCode(200)
  @ApiOkResponse({ type: LibraryPageResponse })
  pick(
    @Param('id', RESOURCE_ID) id: string,
    @Body() dto: PickResourceDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<LibraryPageResponse> {
    return this.library.pick(id, dto.unitCode, principal);
  }
}

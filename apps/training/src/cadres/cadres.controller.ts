import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { CadresService } from './cadres.service';
import { CadreListQueryDto, CadreResponse, DecideCadreDto, NominateCadreDto, ReviewCadreDto } from './cadre.dto';

const CADRE_ID = new UuidPipe({ entity: 'ReserveCadre' });

/**
 * /api/training/cadres: reserve cadres (REC-8). Thin. Streets nominate, districts confirm or
 * decline and decide the yearly reviews; operators read inside their scope (out of scope: 404).
 */
@ApiTags('training reserve cadres (REC-8)')
@Controller('cadres')
export class CadresController {
  constructor(private readonly cadres: CadresService) {}

  @Post()
  @Roles('street')
  @ApiCreatedResponse({ type: CadreResponse })
  nominate(@Body() dto: NominateCadreDto, @CurrentPrincipal() principal: Principal): Promise<CadreResponse> {
    return this.cadres.nominate(dto, principal);
  }

  @Get()
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: [CadreResponse] })
  list(@Query() query: CadreListQueryDto, @CurrentPrincipal() principal: Principal): Promise<CadreResponse[]> {
    return this.cadres.list(query, principal);
  }

  @Get(':id')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: CadreResponse })
  get(@Param('id', CADRE_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<CadreResponse> {
    return this.cadres.get(id, principal);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('district')
  @ApiOkResponse({ type: CadreResponse })
  decide(@Param('id', CADRE_ID) id: string, @Body() dto: DecideCadreDto, @CurrentPrincipal() principal: Principal): Promise<CadreResponse> {
    return this.cadres.decide(id, dto, principal);
  }

  @Post(':id/reviews')
  @HttpCode(200)
  @Roles('district')
  @ApiOkResponse({ type: CadreResponse })
  review(@Param('id', CADRE_ID) id: string, @Body() dto: ReviewCadreDto, @CurrentPrincipal() principal: Principal): Promise<CadreResponse> {
    return this.cadres.review(id, dto, principal);
  }
}

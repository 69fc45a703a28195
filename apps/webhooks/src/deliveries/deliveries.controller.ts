import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { DeliveriesService } from './deliveries.service';
import { DeliveryPageResponse, DeliveryResponse, ListDeliveriesQueryDto } from './delivery.dto';

/** Delivery state per subscription, and the replay of dead letters: city operators. */
@ApiTags('webhook deliveries')
@Controller()
@Roles('city')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('subscriptions/:id/deliveries')
  @ApiOkResponse({ type: DeliveryPageResponse })
  page(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListDeliveriesQueryDto): Promise<DeliveryPageResponse> {
    return this.deliveries.page(id, query);
  }

  @Get('deliveries/:id')
  @ApiOkResponse({ type: DeliveryResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DeliveryResponse> {
    return this.deliveries.get(id);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: DeliveryResponse })
  replay(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<DeliveryResponse> {
    return this.deliveries.replay(id, principal);
  }
}

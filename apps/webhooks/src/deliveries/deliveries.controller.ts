import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { DeliveriesService } from './deliveries.service';
import { ListDeliveriesQueryDto, type DeliveryPageResponse, type DeliveryResponse } from './delivery.dto';

/** Delivery state per subscription, and the replay of dead letters: city operators. */
@ApiTags('webhook deliveries')
@Controller()
@Roles('city')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get('subscriptions/:id/deliveries')
  page(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListDeliveriesQueryDto): Promise<DeliveryPageResponse> {
    return this.deliveries.page(id, query);
  }

  @Get('deliveries/:id')
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<DeliveryResponse> {
    return this.deliveries.get(id);
  }

  @Post('deliveries/:id/replay')
  @HttpCode(200)
  replay(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<DeliveryResponse> {
    return this.deliveries.replay(id, principal);
  }
}

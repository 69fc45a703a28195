import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { CreatedSubscriptionResponse, CreateSubscriptionDto, SubscriptionResponse } from './subscription.dto';
import { SubscriptionsService } from './subscriptions.service';

/** /api/webhooks/subscriptions: city operators connect HR systems that have no Kafka. */
@ApiTags('webhook subscriptions')
@Controller('subscriptions')
@Roles('city')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedSubscriptionResponse })
  create(@Body() dto: CreateSubscriptionDto, @CurrentPrincipal() principal: Principal): Promise<CreatedSubscriptionResponse> {
    return this.subscriptions.create(dto, principal);
  }

  @Get()
  @ApiOkResponse({ type: [SubscriptionResponse] })
  list(): Promise<SubscriptionResponse[]> {
    return this.subscriptions.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: SubscriptionResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<SubscriptionResponse> {
    return this.subscriptions.get(id);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: SubscriptionResponse })
  deactivate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<SubscriptionResponse> {
    return this.subscriptions.deactivate(id, principal);
  }
}

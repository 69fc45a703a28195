/** Request and response shapes of /api/webhooks/subscriptions, and the mapper from the row. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, IsUrl, Length, Matches } from 'class-validator';
import { EVENT_CATALOG } from '@cwp/contracts';
import { trimString } from '@cwp/platform';
import type { SubscriptionRow } from './subscription.row';

/** Every event type of the platform (libs/contracts EVENT_CATALOG): what a subscription may ask for. */
export const SUBSCRIBABLE_EVENT_TYPES = EVENT_CATALOG.flatMap((s) => s.produces.map((c) => c.type)).sort();

export class CreateSubscriptionDto {
  @ApiProperty({ example: '区人社局 HR 系统', maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  /** Where deliveries are POSTed. https in production (WEBHOOKS_ALLOW_HTTP=false). */
  @ApiProperty({
    example: 'https://hr.example.org/hooks/cwp',
    description: 'Receiver URL (http or https; https only when WEBHOOKS_ALLOW_HTTP=false)',
  })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @Length(1, 2000)
  url!: string;

  @ApiProperty({ type: [String], enum: SUBSCRIBABLE_EVENT_TYPES, example: ['cwp.workforce.worker.hired.v1'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsIn(SUBSCRIBABLE_EVENT_TYPES, { each: true, message: 'eventTypes must be event types of the platform (GET /asyncapi.json)' })
  eventTypes!: string[];

  /** Org unit whose subtree's events are delivered (ORG-2): `31` for the whole city. */
  @ApiPropertyOptional({
    example: '310101',
    description: 'Unit code (city 31, district 6 digits, street 9): only events of this subtree are delivered',
  })
  @Matches(/^31(?:\d{4}|\d{7})?$/, { message: 'unitScope must be 31, a district (6 digits) or a street (9 digits) code' })
  unitScope!: string;
}

export class SubscriptionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiProperty() unitScope!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatedSubscriptionResponse extends SubscriptionResponse {
  /** The HMAC-SHA256 signing secret, shown once: store it in the receiver. */
  @ApiProperty({ description: 'Signing secret (shown only in this response)' }) secret!: string;
}

export function toSubscriptionResponse(row: SubscriptionRow): SubscriptionResponse {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    eventTypes: row.event_types,
    unitScope: row.unit_scope,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

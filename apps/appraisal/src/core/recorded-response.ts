import { ApiProperty } from '@nestjs/swagger';

/** How many rows a batch write (targets, operator ratings) recorded. */
export class RecordedResponse {
  @ApiProperty({ description: 'Rows recorded by this request' }) recorded!: number;
}

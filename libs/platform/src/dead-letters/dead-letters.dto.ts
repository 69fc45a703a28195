import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class DeadLetterQueryDto {
  @ApiPropertyOptional({ description: 'Inbox consumer name (Kafka group id)' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,199}$/)
  consumer?: string;

  @ApiPropertyOptional({ enum: ['pending', 'replayed'] }) @IsOptional() @IsIn(['pending', 'replayed']) status?: 'pending' | 'replayed';

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

export class DeadLetterDto {
  @ApiProperty() id!: string;
  @ApiProperty() consumer!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() partition!: number;
  @ApiProperty() offset!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) key!: string | null;
  @ApiProperty() eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ description: 'Last error (message only, redacted)' }) error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() deadAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) replayedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['handled', 'duplicate', 'skipped-type'] }) replayOutcome!: string | null;
}

export class ReplayResultDto {
  @ApiProperty() id!: string;
  @ApiProperty({
    enum: ['handled', 'duplicate', 'skipped-type'],
    description: 'duplicate: the event had been handled meanwhile; nothing applied twice',
  })
  outcome!: 'handled' | 'duplicate' | 'skipped-type';
}

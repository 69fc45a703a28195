import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Explanation } from '@cwp/policy';
import type { MultiplierReviewRow, ReviewYearFigures } from './multiplier-review.row';

export class ReviewYearResponse implements ReviewYearFigures {
  @ApiProperty() year!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) averageWageFen!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) referenceWageFen!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) multiplier!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) workers!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) totalFen!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'PAY-1: average pay over the reference wage' }) payToWage!:
    number | null;
}

/** PAY-4: the review task the Schedule opened, with the figures of the four years before it. */
export class MultiplierReviewResponse {
  @ApiProperty() reviewYear!: number;
  @ApiProperty({ enum: ['open'] }) status!: 'open';
  @ApiProperty({ type: [ReviewYearResponse] }) figures!: ReviewYearResponse[];
  @ApiProperty({ description: 'PAY-4, PAY-3, PAY-1 explanation of the figures' }) explanation!: Explanation;
  @ApiProperty() openedBy!: string;
  @ApiProperty() openedAt!: string;

  static toResponse(row: MultiplierReviewRow): MultiplierReviewResponse {
    return { ...row, openedAt: new Date(row.openedAt).toISOString() };
  }
}

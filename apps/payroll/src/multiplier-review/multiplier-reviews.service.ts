import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, type Principal } from '@cwp/platform';
import { MultiplierReviewRepository } from './multiplier-review.repository';
import { MultiplierReviewResponse } from './multiplier-review.dto';
import { reviewFigures } from './rules/review-figures';

export const MULTIPLIER_REVIEW_ENTITY = 'MultiplierReview';

/** PAY-4: the four-yearly multiplier review, opened by its Schedule's workflow and read by the city. */
@Injectable()
export class MultiplierReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MultiplierReviewRepository,
    private readonly audit: AuditTrail,
  ) {}

  /** Opens the review of the year once, with the four years' figures (a second call changes nothing). */
  async open(reviewYear: number, principal: Principal): Promise<{ reviewYear: number; opened: boolean }> {
    const opened = await this.dataSource.transaction(async (em) => {
      const { figures, explanation } = reviewFigures(reviewYear, await this.repository.figures(reviewYear, em));
      if (!(await this.repository.open(em, { reviewYear, figures, explanation, openedBy: principal.sub }))) return false;
      await this.audit.record(
        em,
        { action: 'open', entity: MULTIPLIER_REVIEW_ENTITY, entityId: String(reviewYear), after: { reviewYear, years: figures.length } },
        principal,
      );
      return true;
    });
    return { reviewYear, opened };
  }

  async get(reviewYear: number): Promise<MultiplierReviewResponse> {
    const row = await this.repository.find(reviewYear);
    if (!row) throw DomainError.notFound(MULTIPLIER_REVIEW_ENTITY, String(reviewYear));
    return MultiplierReviewResponse.toResponse(row);
  }

  async list(): Promise<MultiplierReviewResponse[]> {
    return (await this.repository.list()).map(MultiplierReviewResponse.toResponse);
  }
}

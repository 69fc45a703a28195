import { CreateMultiplierReviews1766000000700 } from './1766000000700-create-multiplier-reviews';

export const multiplierReviewMigrations: Function[] = [CreateMultiplierReviews1766000000700];

import { CreateRatings1765000000200 } from './1765000000200-create-ratings';

export const ratingsMigrations: Function[] = [CreateRatings1765000000200];

export { RatingsModule } from './ratings.module';
export { ratingsMigrations } from './migrations';

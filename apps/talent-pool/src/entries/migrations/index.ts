import { CreateEntries1763950000000 } from './1763950000000-create-entries';

/** The talent pool's own migrations, after the platform's (`[...platformMigrations, ...these]`). */
export const talentPoolMigrations = [CreateEntries1763950000000];

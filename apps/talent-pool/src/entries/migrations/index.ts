import { CreateEntries1763950000000 } from './1763950000000-create-entries';
import { PolicyEducationCodes1764100000000 } from './1764100000000-policy-education-codes';

/** The talent pool's own migrations, after the platform's (`[...platformMigrations, ...these]`). */
export const talentPoolMigrations = [CreateEntries1763950000000, PolicyEducationCodes1764100000000];

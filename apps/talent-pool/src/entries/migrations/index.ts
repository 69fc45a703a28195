import { CreateEntries1763950000000 } from './1763950000000-create-entries';
import { PolicyEducationCodes1764100000000 } from './1764100000000-policy-education-codes';

/** The entries table, in order (apps/talent-pool/src/migrations.ts puts the platform's first). */
export const entriesMigrations = [CreateEntries1763950000000, PolicyEducationCodes1764100000000];

import { CreateEntries1763950000000 } from './1763950000000-create-entries';
import { PolicyEducationCodes1764100000000 } from './1764100000000-policy-education-codes';
import { EntriesSyncOrder1767000000200 } from './1767000000200-entries-sync-order';

/** The entries table, in order (apps/talent-pool/src/migrations.ts puts the platform's first). */
export const entriesMigrations = [CreateEntries1763950000000, PolicyEducationCodes1764100000000, EntriesSyncOrder1767000000200];

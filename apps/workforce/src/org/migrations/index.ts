import { CreateOrgUnits1764000000000 } from './1764000000000-create-org-units';

/** The org tree's migrations, in order. */
export const orgMigrations: Function[] = [CreateOrgUnits1764000000000];

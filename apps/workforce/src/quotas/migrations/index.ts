import { CreateQuotas1764000000100 } from './1764000000100-create-quotas';

/** Quotas' and floating-quota loans' migrations, in order (after the org tree's). */
export const quotasMigrations: Function[] = [CreateQuotas1764000000100];

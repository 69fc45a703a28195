import { CreatePolicyVersions1766000000200 } from './1766000000200-create-policy-versions';

export const policyVersionsMigrations: Function[] = [CreatePolicyVersions1766000000200];

export { TalentPoolCoreModule } from './talent-pool-core.module';
export { TALENT_POOL_SETTINGS, type TalentPoolSettings } from './talent-pool-settings';
export { POLICY_CATALOG } from './policy-catalog';
export { decide } from './policy-errors';
export { isUniqueViolation } from './unique-violation';

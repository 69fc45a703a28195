export { TalentPoolCoreModule } from './talent-pool-core.module';
export { TALENT_POOL_SETTINGS, type TalentPoolSettings } from './talent-pool-settings';
export { TalentPoolError } from './talent-pool-errors';

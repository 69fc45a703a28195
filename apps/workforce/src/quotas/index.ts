/** The quotas feature's public surface (QUOTA-1..4): the only file other folders import. */
export { QuotasModule } from './quotas.module';
export { QuotaRepository } from './quota.repository';
export { QuotasService } from './quotas.service';
export { FloatingQuotaService } from './floating-quota.service';
export { seedMissingQuotas } from './quota-seeder';
export { centreQuota, floatingQuota, initialAreaQuota, reviewAreaQuota, type AreaQuotaFigure } from './quota-figures';
export { quotasMigrations } from './migrations';
export type { QuotaKind, QuotaRow } from './quota.row';

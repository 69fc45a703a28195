export { PolicyVersionsModule } from './policy-versions.module';
export { policyVersionsMigrations } from './migrations';
export { PolicyCatalogSource } from './policy-catalog.source';

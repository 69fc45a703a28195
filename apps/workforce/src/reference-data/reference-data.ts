import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlatformConfig, POLICY_CATALOG } from '@cwp/platform';
import { shanghaiDate, type PolicyCatalog } from '@cwp/policy';
import { OrgUnitRepository } from '../org';
import { QuotaRepository, seedMissingQuotas } from '../quotas';
import { readOrgTreeFile } from './org-tree-file';
import { WORKFORCE_SETTINGS, type WorkforceSettings } from '../core';

/**
 * Loads the org tree (readOrgTreeFile: the platform's org-tree validator, complete) and the first quotas of new
 * units (idempotent: both only fill what is missing), at start-up (WORKFORCE_SEED_ON_START) and
 * from the seed CLI. Runs in one transaction so a half-loaded tree never becomes visible.
 */
export async function loadReferenceData(
  dataSource: DataSource,
  orgTreeFile: string,
  catalog: PolicyCatalog,
  floatingPercent: number,
  now = new Date(),
) {
  const units = readOrgTreeFile(orgTreeFile);
  const today = shanghaiDate(now);
  const policy = catalog.inForce(today);
  return dataSource.transaction(async (em) => {
    // Two processes starting at once: the second waits, then finds nothing to do.
    await em.query("SELECT pg_advisory_xact_lock(hashtext('workforce.reference-data'))");
    const orgUnits = await new OrgUnitRepository(dataSource).upsertTree(em, units);
    const quotas = await seedMissingQuotas(new QuotaRepository(dataSource), em, policy, floatingPercent, today);
    return { orgUnits, quotasCreated: quotas, policyVersion: policy.id };
  });
}

/** Start-up loader of the reference data (WORKFORCE_SEED_ON_START). */
@Injectable()
export class ReferenceDataLoader implements OnModuleInit {
  private readonly logger = new Logger('ReferenceData');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
    @Inject(WORKFORCE_SETTINGS) private readonly settings: WorkforceSettings,
    // Absent only in integration contexts, which do not seed at start (seedOnStart false).
    @Optional() private readonly platform?: PlatformConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.settings.seedOnStart) return;
    if (!this.platform) throw new Error('WORKFORCE_SEED_ON_START needs the platform config (ORG_TREE_FILE)');
    const started = Date.now();
    const result = await loadReferenceData(this.dataSource, this.platform.orgTreeFile, this.catalog, this.settings.floatingQuotaPercent);
    this.logger.log({
      msg: 'reference data loaded',
      units: result.orgUnits.total,
      unitsInserted: result.orgUnits.inserted,
      quotasCreated: result.quotasCreated,
      policyVersion: result.policyVersion,
      ms: Date.now() - started,
    });
  }
}

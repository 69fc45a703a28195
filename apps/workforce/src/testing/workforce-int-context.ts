/**
 * Workforce's use of the platform testing kit (`testing.createIntegrationContext`): the context
 * is built from the feature modules under test, with the service's migrations, its event
 * contracts and its settings token, on the stack's real PostgreSQL. Specs get services from the
 * Nest container (`ctx.get(OrgUnitsService)`), never with positional `new`. Test code only.
 */
import type { Provider } from '@nestjs/common';
import { workforceQuotaEventContracts, workforceWorkerEventContracts, type EventContract } from '@cwp/contracts';
import { fromRepoRoot, testing } from '@cwp/platform';
import { WORKFORCE_SETTINGS, type WorkforceSettings } from '../core';
import { workforceOwnMigrations } from '../migrations';

export const ORG_TREE_FILE = fromRepoRoot('seeds/org-tree/shanghai.json');

export const TEST_SETTINGS: WorkforceSettings = {
  seedOnStart: false,
  floatingQuotaPercent: 5,
  quotaReviewDecisionDays: 30,
  taskQueue: 'workforce-int-spec',
};

export type WorkforceIntContext = testing.IntegrationContext;

export interface WorkforceIntContextOptions extends Omit<
  testing.IntegrationContextOptions,
  'service' | 'migrations' | 'produces' | 'providers'
> {
  /** The service's migrations (default: all of workforce's; the platform's come first anyway). */
  migrations?: readonly Function[];
  /** Contracts the outbox accepts (default: every workforce contract). */
  produces?: readonly EventContract[];
  settings?: Partial<WorkforceSettings>;
  providers?: Provider[];
}

/** The core module's token (WORKFORCE_SETTINGS) beside the kit's platform modules (policy, PII, HTTP wiring). */
export function createWorkforceIntContext(options: WorkforceIntContextOptions): Promise<WorkforceIntContext> {
  const { settings, providers, ...rest } = options;
  return testing.createIntegrationContext({
    ...rest,
    service: 'workforce',
    migrations: options.migrations ?? workforceOwnMigrations,
    produces: options.produces ?? [...workforceQuotaEventContracts, ...workforceWorkerEventContracts],
    providers: [{ provide: WORKFORCE_SETTINGS, useValue: { ...TEST_SETTINGS, ...settings } }, ...(providers ?? [])],
  });
}

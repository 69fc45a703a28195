/**
 * Writes the demo reserve entries through the talent pool's own registration path
 * (insertRegistered: row, audit row, `entry.registered.v1` in the outbox), in chunks of 100 per
 * transaction. Entries are left with `workflow_started_at` empty, so the talent pool's
 * reconciler starts their workflows at its next boot (or its next periodic pass), exactly as it
 * does for a registration whose workflow start a crash interrupted. Idempotent: fixed ids, and an
 * id already present is skipped.
 */
import type { DataSource } from 'typeorm';
import { AuditTrail, OutboxWriter, SYSTEM_PRINCIPAL, type PiiCipher, type Principal } from '@cwp/platform';
import { talentPoolEventContracts } from '@cwp/contracts';
import { defaultPolicyCatalog } from '@cwp/policy';
import { DEMO_MARK } from './demo-city';
import type { DemoEntryPlan } from './reserve-entries';
import { EntryRepository, insertRegistered, newEntryRow, planReserve } from './service-internals';

const CHUNK = 100;

export async function seedDemoEntries(dataSource: DataSource, cipher: PiiCipher, plans: readonly DemoEntryPlan[]): Promise<{ created: number; present: number }> {
  const principal: Principal = { ...SYSTEM_PRINCIPAL, sub: DEMO_MARK };
  const writers = { repository: new EntryRepository(dataSource), audit: new AuditTrail(dataSource), outbox: new OutboxWriter('talent-pool', talentPoolEventContracts) };
  const catalog = defaultPolicyCatalog();
  // Soonest expiry first: the reconciler starts workflows in creation order, so the entries whose
  // timers matter first (and the one the tour shows) get them first.
  const planned = plans
    .map((plan) => ({ ...plan, reserve: planReserve(catalog.inForce(plan.registeredOn), plan.registeredOn, plan.months) }))
    .sort((a, b) => a.reserve.expiresAt.getTime() - b.reserve.expiresAt.getTime() || (a.id < b.id ? -1 : 1));
  let created = 0;
  for (let at = 0; at < planned.length; at += CHUNK) {
    const chunk = planned.slice(at, at + CHUNK);
    created += await dataSource.transaction(async (em) => {
      await em.query("SELECT pg_advisory_xact_lock(hashtext('cwp-demo-city-entries'))");
      const existing = new Set(((await em.query('SELECT id FROM entries WHERE id = ANY($1::uuid[])', [chunk.map((p) => p.id)])) as Array<{ id: string }>).map((r) => r.id));
      let inserted = 0;
      for (const plan of chunk) {
        if (existing.has(plan.id)) continue;
        if (await insertRegistered(em, newEntryRow(plan.id, plan.registration, plan.reserve, cipher, principal), principal, writers)) inserted++;
      }
      return inserted;
    });
  }
  return { created, present: plans.length - created };
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { staffingChangedContract, type StaffingChangedData } from '@cwp/contracts';
import { OutboxWriter, ServiceClock } from '@cwp/platform';
import { CHANGED_STAFFING_SQL, RECORD_PUBLISHED_SQL } from './staffing.sql';

/** One lock for every publication: two transactions never publish the same unit's change twice. */
const LOCK_KEY = 'workforce.staffing-published';

/**
 * Publishes each street's staffing (quota, headcount, vacancies over its centre and areas) on the
 * compacted topic `cwp.workforce.staffing`, keyed by street code, through the outbox in the
 * caller's transaction: only the streets whose figures changed since the last publication. The
 * hire and worker-change paths call it for the units they touched; StaffingSweep calls it for
 * every street at start-up and on a timer (quota changes, bulk loads), so a new consumer reading
 * from the beginning has every street.
 */
@Injectable()
export class StaffingPublisher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: ServiceClock,
  ) {}

  /** In the caller's transaction: the changed streets of `unitCodes` (every street when omitted). Returns how many. */
  async publishChanged(em: EntityManager, unitCodes?: readonly string[]): Promise<number> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
    const streets = unitCodes ? [...new Set(unitCodes.map((code) => code.slice(0, 9)))] : null;
    const changed = (await em.query(CHANGED_STAFFING_SQL, [streets])) as Array<Omit<StaffingChangedData, 'asOf'>>;
    if (changed.length === 0) return 0;
    const asOf = this.clock.now().toISOString();
    // One statement for the batch: a start-up after a bulk load changes every street (~220 events).
    await this.outbox.appendMany(
      em,
      staffingChangedContract,
      changed.map((unit) => ({ key: unit.unitCode, data: { ...unit, asOf } })),
    );
    await em.query(RECORD_PUBLISHED_SQL, [
      changed.map((u) => u.unitCode),
      changed.map((u) => u.quota),
      changed.map((u) => u.headcount),
      changed.map((u) => u.vacancies),
    ]);
    return changed.length;
  }

  /** Every street, in its own transaction (start-up and the sweep). */
  publishAll(): Promise<number> {
    return this.dataSource.transaction((em) => this.publishChanged(em));
  }
}

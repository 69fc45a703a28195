/**
 * The services' own code the demo loader reuses, so demo rows are written exactly as the services
 * write theirs (same config defaults, same encryption, same registration path). Kept in this one
 * file: when the apps move things around, only these imports change.
 */
export { workforceConfig } from '../../apps/workforce/src/config';
export { talentPoolConfig } from '../../apps/talent-pool/src/config';
export { EntryEntity } from '../../apps/talent-pool/src/entries/entry.entity';
export { EntryRepository } from '../../apps/talent-pool/src/entries/entry.repository';
export { insertRegistered } from '../../apps/talent-pool/src/entries/insert-registered';
export { talentPoolMigrations } from '../../apps/talent-pool/src/entries/migrations';
export { newEntryRow } from '../../apps/talent-pool/src/entries/new-entry-row';
export { poolSourceProblem } from '../../apps/talent-pool/src/entries/pool-source.rule';
export { planReserve } from '../../apps/talent-pool/src/entries/reserve-plan';
export type { RegisterEntryDto } from '../../apps/talent-pool/src/entries/entry.dto';

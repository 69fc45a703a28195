export { ReserveModule } from './reserve.module';
export { ReserveEntries, RESERVE_ENTRY_ENTITY_NAME, type InvitableEntry } from './reserve-entries.service';
export { reserveMigrations } from './migrations';
export { TalentPoolCandidateHandler } from './events/talent-pool-candidate.handler';

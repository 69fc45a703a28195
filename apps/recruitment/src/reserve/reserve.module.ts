import { Module } from '@nestjs/common';
import { TalentPoolCandidateHandler } from './events/talent-pool-candidate.handler';
import { ReserveEntries } from './reserve-entries.service';
import { ReserveEntryRepository } from './reserve-entry.repository';

/**
 * The talent pool's reserve entries as its candidate topic publishes them (issue 10): what an
 * invitation needs (the person's keyed personRef, REC-4 facts, whether the entry is still active),
 * never read from the pool's tables.
 */
@Module({
  providers: [ReserveEntryRepository, ReserveEntries, TalentPoolCandidateHandler],
  exports: [ReserveEntries],
})
export class ReserveModule {}

import { Module } from '@nestjs/common';
import { EntryCandidateTopic } from './entry-candidate-topic';
import { EntryStateTopic } from './entry-state-topic';

/**
 * The entries' compacted topics: their state for HR systems (issue 14) and their candidate facts
 * for recruitment's invitations (issue 10). Apart from EntriesModule: they need the Kafka client,
 * which the entries' test graphs do without.
 */
@Module({ providers: [EntryStateTopic, EntryCandidateTopic] })
export class EntryStateModule {}

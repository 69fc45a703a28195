import { Module } from '@nestjs/common';
import { EntryStateTopic } from './entry-state-topic';

/** The entry state topic (issue 14). Apart from EntriesModule: it needs the Kafka client, which the entries' test graphs do without. */
@Module({ providers: [EntryStateTopic] })
export class EntryStateModule {}

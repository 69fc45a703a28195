import { Module } from '@nestjs/common';
import { WorkerStateTopic } from './worker-state-topic';

/**
 * The worker state topic (issue 14). Apart from WorkersModule: it needs the Kafka client, which
 * the roster's HTTP test apps do without.
 */
@Module({ providers: [WorkerStateTopic], exports: [WorkerStateTopic] })
export class WorkerStateModule {}

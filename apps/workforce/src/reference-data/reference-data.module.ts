import { Module } from '@nestjs/common';
import { ReferenceDataLoader } from './reference-data';

/**
 * Loads the org tree and the first quotas of new units at start (WORKFORCE_SEED_ON_START). Its own
 * folder, not the core module: it writes through the org and quota repositories, and the core
 * module, which every feature reads, imports no feature.
 */
@Module({ providers: [ReferenceDataLoader] })
export class ReferenceDataModule {}

import { Module } from '@nestjs/common';
import { LibraryAccess } from './library-access';
import { LibraryController } from './library.controller';
import { LibraryRepository } from './library.repository';
import { LibraryService } from './library.service';

/**
 * The training resource library (TRAIN-10). Needs from the root module: the DataSource, HTTP
 * wiring (Jurisdiction, AuditTrail) and TrainingCoreModule (clock).
 */
@Module({
  controllers: [LibraryController],
  providers: [LibraryRepository, LibraryAccess, LibraryService],
  exports: [LibraryService, LibraryRepository],
})
export class LibraryModule {}

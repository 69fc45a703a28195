import { Module } from '@nestjs/common';
import { LibraryModule } from '../library';
import { RosterModule } from '../roster';
import { ClassAccess } from './class-access';
import { ClassRepository } from './class.repository';
import { ClassesController } from './classes.controller';
import { ClassesService } from './classes.service';

/** Classes, enrolments, hours, online completions and certificates (TRAIN-3, TRAIN-4, TRAIN-8). */
@Module({
  imports: [LibraryModule, RosterModule],
  controllers: [ClassesController],
  providers: [ClassRepository, ClassAccess, ClassesService],
  exports: [ClassesService, ClassRepository],
})
export class ClassesModule {}

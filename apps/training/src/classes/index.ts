export { ClassesModule } from './classes.module';
export { ClassesService } from './classes.service';
export { ClassRepository } from './class.repository';
export { classesMigrations } from './migrations';

export { CyclesModule } from './cycles.module';
export { CyclesService } from './cycles.service';
export { CycleRepository } from './cycle.repository';
export type { CycleRow } from './cycle.row';
export { createCycleActivities } from './workflow/cycle.activities';
export { cyclesMigrations } from './migrations';

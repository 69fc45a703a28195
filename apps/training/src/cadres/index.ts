export { CadresModule } from './cadres.module';
export { CadresService } from './cadres.service';
export { createCadreActivities } from './workflow/cadre.activities';
export { cadresMigrations } from './migrations';

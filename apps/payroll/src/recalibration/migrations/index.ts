import { CreateRecalibrations1766000000300 } from './1766000000300-create-recalibrations';

export const recalibrationMigrations: Function[] = [CreateRecalibrations1766000000300];

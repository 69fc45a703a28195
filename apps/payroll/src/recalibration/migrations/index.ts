import { CreateRecalibrations1766000000300 } from './1766000000300-create-recalibrations';
import { ReopenRecalibrations1766000000900 } from './1766000000900-reopen-recalibrations';

export const recalibrationMigrations: Function[] = [CreateRecalibrations1766000000300, ReopenRecalibrations1766000000900];

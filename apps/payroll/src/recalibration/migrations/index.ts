import { CreateRecalibrations1766000000300 } from './1766000000300-create-recalibrations';
import { ReopenRecalibrations1766000000900 } from './1766000000900-reopen-recalibrations';
import { DeferReopenWhileApplying1766000001100 } from './1766000001100-defer-reopen-while-applying';
import { PayChangeMarksLineApplied1766000001300 } from './1766000001300-pay-change-marks-line-applied';

export const recalibrationMigrations: Function[] = [
  CreateRecalibrations1766000000300,
  ReopenRecalibrations1766000000900,
  DeferReopenWhileApplying1766000001100,
  PayChangeMarksLineApplied1766000001300,
];

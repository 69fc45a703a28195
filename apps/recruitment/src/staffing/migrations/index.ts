import { CreateUnitStaffing1766000000000 } from './1766000000000-create-unit-staffing';

export const staffingMigrations = [CreateUnitStaffing1766000000000];

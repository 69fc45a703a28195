import { CreateStaffingPublished1766000000300 } from './1766000000300-create-staffing-published';

export const staffingMigrations = [CreateStaffingPublished1766000000300];

import { CreateCompliance1766000000300 } from './1766000000300-create-compliance';

export const complianceMigrations: Function[] = [CreateCompliance1766000000300];

import { CreateCompliance1766000000300 } from './1766000000300-create-compliance';
import { ComplianceInputsNotExplanations1766000000600 } from './1766000000600-compliance-inputs-not-explanations';

export const complianceMigrations: Function[] = [CreateCompliance1766000000300, ComplianceInputsNotExplanations1766000000600];

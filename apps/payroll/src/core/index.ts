export { PayrollCoreModule } from './payroll-core.module';
export { PAYROLL_SETTINGS, type PayrollSettings } from './payroll-settings';
export { decide, PAYROLL_POLICY_ERRORS } from './policy-decision';
export { PAYROLL_ERRORS, payrollError, type PayrollErrorReason } from './payroll-errors';

export { PayrollCoreModule } from './payroll-core.module';
export { PAYROLL_SETTINGS, payRecalibrationInput, type PayrollSettings } from './payroll-settings';
export { decide, PAYROLL_POLICY_ERRORS } from './policy-decision';
export { PayrollError, payrollError, type PayrollErrorReason } from './payroll-errors';

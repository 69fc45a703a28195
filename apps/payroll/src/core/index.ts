export { PayrollCoreModule } from './payroll-core.module';
export { PAYROLL_SETTINGS, type PayrollSettings } from './payroll-settings';
export { BatchOutbox, type BatchEvent } from './batch-outbox';
export { decide } from './policy-decision';
export { PAYROLL_ERRORS, payrollError, type PayrollErrorReason } from './payroll-errors';

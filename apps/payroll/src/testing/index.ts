export * from './payroll-test-app';
export * from './builders';

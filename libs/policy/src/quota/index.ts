export * from './area-quota-range';
export * from './floating-quota';
export * from './quota-review';
export * from './staffing-report';
export * from './street-centre-quota';

export * from './names';
export * from './vocabulary';
export * from './training-events';
export * from './development-plan-workflow';
export * from './compliance-workflow';
export * from './reserve-cadre-workflow';
export * from './mentorship-workflow';

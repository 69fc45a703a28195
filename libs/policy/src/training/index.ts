export * from './compliance';
export * from './milestone';
export * from './gap-filling';

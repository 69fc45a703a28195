export * from './consequence';
export * from './grade';
export * from './yearly-score';

export * from './consequence';
export * from './grade';
export * from './yearly-score';
export * from './appraise-year';

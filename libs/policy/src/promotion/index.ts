export * from './ladder';
export * from './title-structure';

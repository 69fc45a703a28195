export * from './labels.controller';

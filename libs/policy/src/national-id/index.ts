export * from './check-national-id';
export * from './mask';

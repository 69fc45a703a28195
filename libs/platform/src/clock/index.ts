export * from './service-clock';

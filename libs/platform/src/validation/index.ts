export * from './is-national-id';
export * from './is-calendar-date';
export * from './is-phone';
export * from './transforms';

export * from './reserve-period';
export * from './reserve-schedule';

/**
 * @cwp/policy: the rules of POLICY.md as pure, deterministic functions with versioned parameters.
 * No I/O, no clock, no randomness: dates come in as arguments, so workflows may import it.
 */
export * from './explain';
export * from './national-id';
export * from './parameters';
export * from './pool';
export { addDays, addMonths, isCalendarDate, wholeYearsBetween } from './parameters/date-math';
export * from './money';
export * from './quota';
export * from './appraisal';
export * from './recruitment';
export * from './pay';
export * from './exit';
export * from './promotion';
export * from './training';

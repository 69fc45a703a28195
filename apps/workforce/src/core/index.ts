/** The app's core: the global module and the tokens every feature reads. */
export { WorkforceCoreModule, type WorkforceCoreOptions } from './workforce-core.module';
export { WORKFORCE_SETTINGS, type WorkforceSettings } from './workforce-settings';
export { WorkforceError } from './workforce-errors';

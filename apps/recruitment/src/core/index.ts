export { RecruitmentCoreModule } from './recruitment-core.module';
export { RECRUITMENT_SETTINGS, type RecruitmentSettings } from './recruitment-settings';
export { RecruitmentError } from './recruitment-errors';

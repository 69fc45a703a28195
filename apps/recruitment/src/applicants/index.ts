export { ApplicantsModule } from './applicants.module';
export { ApplicantsService } from './applicants.service';
export { ApplicantRepository } from './applicant.repository';
export { ApplicantAccess, APPLICANT_ENTITY_NAME } from './applicant-access';
export { applicantEventData } from './applicant-event-data';
export { APPLICANT_AUDIT_ENTITY } from './applicant-audit';
export { applicantsMigrations } from './migrations';
export type { ApplicantRow } from './applicant.row';
export { APPLICANT_ID } from './applicants.controller';

import { CreateApplicants1766000000200 } from './1766000000200-create-applicants';

export const applicantsMigrations = [CreateApplicants1766000000200];

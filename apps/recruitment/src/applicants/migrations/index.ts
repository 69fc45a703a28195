import { CreateApplicants1766000000200 } from './1766000000200-create-applicants';
import { InvitedApplicants1766000000450 } from './1766000000450-invited-applicants';

export const applicantsMigrations = [CreateApplicants1766000000200, InvitedApplicants1766000000450];

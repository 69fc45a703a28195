export { createRecruitmentIntContext, principalOf, type RecruitmentIntContext, type HttpResult } from './recruitment-int-context';
export { newApplication, newOpening, staffingEvent } from './builders';

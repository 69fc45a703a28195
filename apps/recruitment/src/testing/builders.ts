/** Request builders of the recruitment specs (national IDs from testing.newNationalId: synthetic, valid). */
import { randomUUID } from 'node:crypto';
import { testing } from '@cwp/platform';
import type { CloudEvent, StaffingChangedData } from '@cwp/contracts';

/** A campaign opening of district 310101 whose registration window contains `today`. */
export function newOpening(today: string, posts: Array<{ streetCode: string; count: number; requiredQualification?: string }>, round = 1) {
  const year = Number(today.slice(0, 4));
  return {
    districtCode: '310101',
    round,
    registrationOpensOn: `${year}-01-01`,
    registrationClosesOn: `${year}-12-31`,
    internshipStartsOn: `${year + 1}-01-10`,
    internshipEndsOn: `${year + 1}-02-10`,
    writtenExamOn: `${year + 1}-02-20`,
    interviewOn: `${year + 1}-03-01`,
    posts: posts.map((p) => ({ postCategory: 'staff', ...p })),
  };
}

/** An eligible fresh graduate (REC-4: bachelor, social work, 26). */
export function newApplication(postId: string, over: Record<string, unknown> = {}) {
  return {
    postId,
    name: '测试申请人',
    nationalId: testing.newNationalId({ birthDate: '20000517' }),
    education: 'bachelor',
    major: 'social-work',
    freshGraduate: true,
    ...over,
  };
}

/** A workforce staffing event as the compacted topic carries it. */
export function staffingEvent(unitCode: string, quota: number, headcount: number): CloudEvent<StaffingChangedData> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/cwp/workforce',
    type: 'cwp.workforce.staffing.changed.v1',
    subject: unitCode,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: { unitCode, quota, headcount, vacancies: Math.max(0, quota - headcount), asOf: new Date().toISOString() },
  };
}

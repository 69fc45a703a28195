import type { ApplicantAppointedData, ApplicantRegisteredData, PostCategory } from '@cwp/contracts';
import type { ApplicantRow, NewApplicantRow } from './applicant.row';

/** Row → event data. `registered` carries codes only; `appointed` names the person (see the contract). */
export const applicantEventData = {
  registered(row: NewApplicantRow): ApplicantRegisteredData {
    return {
      applicantId: row.id,
      campaignId: row.campaignId,
      postId: row.postId,
      streetCode: row.streetCode,
      channel: row.channel,
      eligible: row.eligibility.value.eligible,
      hardFailures: [...row.eligibility.value.hardFailures],
      education: row.education,
      registeredOn: row.registeredOn,
    };
  },
  appointed(row: ApplicantRow, postCategory: PostCategory): ApplicantAppointedData {
    return {
      applicantId: row.id,
      campaignId: row.campaignId,
      postId: row.postId,
      unitCode: row.streetCode,
      postCategory,
      personRef: row.personRef,
      name: row.name,
      birthDate: row.birthDate,
      gender: row.gender,
      education: row.education,
      major: row.major,
      talentPoolEntryId: row.talentPoolEntryId,
      rank: row.rank ?? 1,
      combinedScore: row.combinedScore ?? 0,
      appointedOn: row.appointedOn ?? row.registeredOn,
    };
  },
};

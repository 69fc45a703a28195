import type { ResultChangedData, ResultPublishedData } from '@cwp/contracts';
import { workerYearRef } from '../core';
import type { ResultRow } from './result.row';

/** Event payloads of results: ids, unit, year, grade and score only. */
export const resultEventData = {
  published(row: ResultRow): ResultPublishedData {
    return {
      ...workerYearRef(row),
      grade: row.grade,
      score: row.score,
      calibrated: row.grade !== row.mappedGrade,
      policyVersion: row.policyVersion,
    };
  },
  changed(before: ResultRow, after: ResultRow): ResultChangedData {
    return {
      ...workerYearRef(after),
      previousGrade: before.grade,
      grade: after.grade,
      reason: 'appeal-upheld',
    };
  },
};

/** The audit view of a result (grades and reasons; no personal data). */
export function resultAuditView(row: ResultRow): Record<string, unknown> {
  return { grade: row.grade, mappedGrade: row.mappedGrade, score: row.score, status: row.status, appealStatus: row.appealStatus };
}

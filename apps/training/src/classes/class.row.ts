import type { CertificateKind } from '@cwp/contracts';

export interface ClassRow {
  id: string;
  courseId: string;
  unitCode: string;
  startsOn: string;
  endsOn: string;
  place: string;
  capacity: number;
  /** TRAIN-4: an off-the-job (脱产) class. */
  offJob: boolean;
  enrolled: number;
  createdBy: string;
  version: number;
}

export const CLASS_COLUMNS = `id, course_id AS "courseId", unit_code AS "unitCode", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", place, capacity, off_job AS "offJob", enrolled, created_by AS "createdBy", version`;

/** One attendance or online completion (TRAIN-3 hours). */
export interface HoursRow {
  id: string;
  workerId: string;
  onDate: string;
  hours: number;
  offJob: boolean;
  source: 'attendance' | 'online';
  classId: string | null;
  courseId: string | null;
  completionId: string | null;
}

export const HOURS_COLUMNS = `id, worker_id AS "workerId", to_char(on_date, 'YYYY-MM-DD') AS "onDate", hours::float8 AS hours,
  off_job AS "offJob", source, class_id AS "classId", course_id AS "courseId", completion_id AS "completionId"`;

export interface CertificateRow {
  id: string;
  workerId: string;
  kind: CertificateKind;
  passedOn: string;
}

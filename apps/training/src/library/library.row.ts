import type { TrainingDelivery, TrainingForm, TrainingModule, TrainingStep } from '@cwp/contracts';

export type LibraryKind = 'course' | 'teacher' | 'case';
export type TeacherAffiliation = 'university' | 'outstanding-worker' | 'other';

/** A course, teacher or case of the library (TRAIN-10). Course fields are null for the others. */
export interface LibraryResourceRow {
  id: string;
  kind: LibraryKind;
  /** `31` city-wide, or the district that added it (TRAIN-8: local courses on the city syllabus). */
  ownerUnit: string;
  title: string;
  summary: string;
  module: TrainingModule;
  step: TrainingStep | null;
  form: TrainingForm | null;
  delivery: TrainingDelivery | null;
  hours: number | null;
  affiliation: TeacherAffiliation | null;
  /** TRAIN-6: the years of service the course is meant for (gap-filling recommendations). */
  minYears: number | null;
  maxYears: number | null;
  createdBy: string;
  createdAt: Date;
  version: number;
}

export const LIBRARY_COLUMNS = `id, kind, owner_unit AS "ownerUnit", title, summary, module, step, form, delivery,
  hours::float8 AS hours, affiliation, min_years AS "minYears", max_years AS "maxYears", created_by AS "createdBy",
  created_at AS "createdAt", version`;

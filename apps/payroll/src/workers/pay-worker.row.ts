import type { EntryRoute, PostCategory, PostRole, WorkerStatus, WorkerTitle } from '@cwp/contracts';

/** One `pay_workers` row (dates as YYYY-MM-DD strings, fen as numbers: < 2^53). */
export interface PayWorkerRow {
  workerId: string;
  unitCode: string;
  status: WorkerStatus;
  entryRoute: EntryRoute;
  postCategory: PostCategory;
  postLevel: number;
  postRole: PostRole | null;
  title: WorkerTitle | null;
  hiredOn: string;
  exitedOn: string | null;
  workforceVersion: number;
  annualPayFen: number | null;
  payYear: number | null;
  updatedAt: Date;
}

export const PAY_WORKER_COLUMNS = `
  w.worker_id AS "workerId", w.unit_code AS "unitCode", w.status, w.entry_route AS "entryRoute",
  w.post_category AS "postCategory", w.post_level AS "postLevel", w.post_role AS "postRole", w.title,
  to_char(w.hired_on, 'YYYY-MM-DD') AS "hiredOn", to_char(w.exited_on, 'YYYY-MM-DD') AS "exitedOn",
  w.workforce_version AS "workforceVersion", w.annual_pay_fen::float8 AS "annualPayFen", w.pay_year AS "payYear",
  w.updated_at AS "updatedAt"`;

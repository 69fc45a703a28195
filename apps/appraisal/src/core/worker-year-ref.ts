/** What every appraisal event about a worker's year names: ids, unit and year (never personal data). */
export interface WorkerYearRef {
  workerId: string;
  unitCode: string;
  year: number;
}

/** The one mapping of a row (a result, a record task) to the worker-year part of its event payload. */
export function workerYearRef(row: WorkerYearRef): WorkerYearRef {
  return { workerId: row.workerId, unitCode: row.unitCode, year: row.year };
}

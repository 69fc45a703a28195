/**
 * The closed vocabularies of a worker on the roster (ORG-3, POST-1..3, PROM-1, EXIT-1..3). Codes,
 * not prose, so events and statistics never carry free text (free text is where personal data
 * leaks in). ENTRY_ROUTES, POST_CATEGORIES and POST_ROLES live beside the hired contract
 * (worker-hired.ts), which the talent pool defined first. Education levels (EDUCATION_LEVELS) and
 * EXIT-3's five causes (EXIT3_CAUSES, @cwp/policy's EXIT_CAUSES) are shared: ../shared/vocabulary.ts.
 */
import { EXIT3_CAUSES } from '../shared/vocabulary';

/** POST-3 professional titles (初级/中级/高级社区工作者); a worker may hold none yet (null). */
export const WORKER_TITLES = ['junior', 'intermediate', 'senior'] as const;
export type WorkerTitle = (typeof WORKER_TITLES)[number];

/** PROM-1 role ladder, lowest first: 工作人员 → 专员 → 督导 → 主管 → 负责人. */
export const WORKER_ROLES = ['staff', 'specialist', 'supervisor', 'manager', 'head'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

/** QUOTA-6: on duty (在岗), on leave of absence, or gone (kept for turnover figures). */
export const WORKER_STATUSES = ['on-duty', 'leave', 'exited'] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

/**
 * Every exit cause a worker can leave with:
 * - `law`: a cause national or city law provides (EXIT-2 for elected, EXIT-3's tail for recruited);
 * - `re-election-not-returned`: an elected worker not returned at re-election (EXIT-1).
 */
export const WORKER_EXIT_CAUSES = [...EXIT3_CAUSES, 'law', 're-election-not-returned'] as const;
export type WorkerExitCause = (typeof WORKER_EXIT_CAUSES)[number];

/** Why a `changed` event was written. */
export const WORKER_CHANGE_REASONS = ['post-change', 'title-promotion', 'role-promotion', 'leave', 'return'] as const;
export type WorkerChangeReason = (typeof WORKER_CHANGE_REASONS)[number];

/**
 * The routes whose JSON body carries a whole score sheet (REC-6 bulk upload: CSV text or a base64
 * workbook): they take up to the platform's FILE_BODY_LIMIT_BYTES, not its 100 kB JSON limit, so a round
 * of thousands of applicants uploads one file. main.ts and the integration context pass them.
 */
export const RECRUITMENT_FILE_BODY_ROUTES: readonly RegExp[] = [/^\/api\/recruitment\/campaigns\/[^/]+\/score-files$/];

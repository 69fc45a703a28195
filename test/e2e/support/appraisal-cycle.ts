import { pollUntil, type ApiAnswer } from '@cwp/test-support';

/** A call to the appraisal service as the street operator: (method, path under /api/appraisal, body). */
export type AppraisalCall = (method: string, url: string, body?: unknown) => Promise<ApiAnswer>;

/** The five APPR-3 dimensions, one management rating for every worker of the cycle. */
export interface CycleScores {
  morality: number;
  ability: number;
  diligence: number;
  performance: number;
  integrity: number;
}

/**
 * One real appraisal year of a street (APPR-1..3): the cycle opened, its workflow in the rating
 * phase, management's ratings recorded for every worker, closed, and published by the workflow.
 */
export async function runStreetCycle(
  call: AppraisalCall,
  cycle: { street: string; year: number; workerIds: readonly string[]; scores: CycleScores },
): Promise<void> {
  const opened = await call('POST', '/cycles', {
    unitCode: cycle.street,
    year: cycle.year,
    ratingClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  expect(opened.status).toBe(201);
  const id = opened.body.id as string;
  const phase = (wanted: string) =>
    pollUntil(
      `cycle ${cycle.year} ${wanted}`,
      async () => (await call('GET', `/cycles/${id}`)).body,
      (c) => c?.phase === wanted,
    );
  await phase('rating');
  const rated = await call('POST', `/cycles/${id}/ratings`, {
    source: 'management',
    ratings: cycle.workerIds.map((workerId) => ({ workerId, scores: cycle.scores })),
  });
  expect(rated).toMatchObject({ status: 200, body: { recorded: cycle.workerIds.length } });
  expect((await call('POST', `/cycles/${id}/close`)).status).toBe(200);
  await phase('published');
}

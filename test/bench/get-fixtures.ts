/**
 * What the request-path benches (workforce-get, nest-adapters) read: 1,000 synthetic workers in a
 * throw-away workforce schema, their ids, and a city token for them.
 */
import { defaultPolicyCatalog } from '@cwp/policy';
import { authConfigSchema, authSettings, CITY_CODE, fromRepoRoot, loadConfig, mintLocalToken, OrgUnitDirectory } from '@cwp/platform';
import { DEFAULT_AS_OF, generateWorkforce } from '@cwp/synthetic';
import { loadReferenceData, loadSyntheticWorkers, openBenchSchema } from '@cwp/workforce/testing';

const TREE = fromRepoRoot('seeds/org-tree/shanghai.json');
export const GET_BENCH_WORKERS = 1_000;

export interface GetBenchRows {
  bench: Awaited<ReturnType<typeof openBenchSchema>>;
  ids: string[];
  token: string;
}

/** Opens `schema` (TEST_DATABASE_URL), loads the workers, analyses, and mints a city token named `sub`. */
export async function getBenchRows(schema: string, sub: string): Promise<GetBenchRows> {
  const bench = await openBenchSchema(schema);
  try {
    await loadReferenceData(bench.ds, TREE, defaultPolicyCatalog(), 5);
    const units = OrgUnitDirectory.fromFile(TREE).unitsWithin(CITY_CODE);
    await loadSyntheticWorkers(bench.ds, generateWorkforce({ seed: 1, size: GET_BENCH_WORKERS, units }), {
      exitedShare: 0,
      asOf: DEFAULT_AS_OF,
      batchSize: 5_000,
    });
    await bench.ds.query('ANALYZE');
    const ids = ((await bench.ds.query('SELECT id FROM workers')) as Array<{ id: string }>).map((r) => r.id);
    const settings = authSettings(loadConfig(authConfigSchema, bench.env), bench.env);
    const token = await mintLocalToken({ role: 'city', unit: CITY_CODE, sub }, settings, OrgUnitDirectory.fromFile(TREE));
    return { bench, ids, token };
  } catch (error) {
    await bench.close(false);
    throw error;
  }
}

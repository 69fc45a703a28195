/**
 * The API from outside, on one start of every service (starting them is the slow part on a busy
 * 2-core machine): scope from other subtrees, hostile input generated from each OpenAPI, and
 * schemathesis conformance. The suites are in ./suites; README.md says what each proves.
 */
import { SERVICES } from './support/services';
import { Tier } from './support/tier';
import { abuseSuite } from './suites/abuse';
import { schemaConformanceSuite } from './suites/schema-conformance';
import { createScopeFixtures, scopeSuite, type ScopeFixtures } from './suites/scope';
import { systemTokenSuite } from './suites/system-token';

const tier = new Tier('api');
const documents = new Map<string, Record<string, any>>();
let fixtures: ScopeFixtures = new Map();

beforeAll(async () => {
  await tier.start();
  for (const service of SERVICES) {
    documents.set(service.name, (await (await fetch(`${tier.process(service.name).baseUrl}/docs-json`)).json()) as Record<string, any>);
  }
  // Before the abuse suite can spend the street's floating places or touch the records.
  fixtures = await createScopeFixtures(tier);
}, 300_000);

afterAll(() => tier.stop(), 120_000);

describe('scope (ORG-2)', () => scopeSuite(tier, documents, () => fixtures));
describe('abuse', () => abuseSuite(tier, documents));
describe('system token (issue 14)', () => systemTokenSuite(tier, documents));
describe('schema conformance (schemathesis)', () => schemaConformanceSuite(tier));

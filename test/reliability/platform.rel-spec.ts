/**
 * The whole tier on ONE start of every service of the registry (starting seven services is the
 * slow part on a busy 2-core machine): first from outside (scope from other subtrees, hostile
 * input generated from each OpenAPI, schemathesis conformance), then under concurrency and faults
 * (races; each service's batch activity with its Temporal worker SIGKILLed mid-activity; SIGKILL
 * of a service mid-burst, PostgreSQL backends killed, Kafka stopped), Temporal stopped last. The
 * worker-kill outcomes are checked after the other faults: a heartbeat timeout elapses meanwhile.
 * The personal-data scan (zz-personal-data.rel-spec.ts) runs after this file. README.md says what
 * each suite proves.
 */
import { SERVICES } from './support/services';
import { Tier } from './support/tier';
import { abuseSuite } from './suites/abuse';
import { faultsSuite } from './suites/faults';
import { racesSuite } from './suites/races';
import { schemaConformanceSuite } from './suites/schema-conformance';
import { createScopeFixtures, scopeSuite, type ScopeFixtures } from './suites/scope';
import { systemTokenSuite } from './suites/system-token';
import { temporalOutageSuite } from './suites/temporal-outage';
import { workerKillFaults } from './suites/worker-kill';

const tier = new Tier('platform');
const documents = new Map<string, Record<string, any>>();
let fixtures: ScopeFixtures = new Map();
const workerKills = workerKillFaults(tier);

/** A describe block whose wall time is printed and kept in the run's figures (where the tier's minutes go). */
function timed(label: string, suite: () => void): void {
  describe(label, () => {
    let began = 0;
    beforeAll(() => void (began = performance.now()));
    afterAll(() => tier.time(label, began));
    suite();
  });
}

beforeAll(async () => {
  const began = performance.now();
  await tier.start();
  for (const service of SERVICES) {
    documents.set(service.name, (await (await fetch(`${tier.process(service.name).baseUrl}/docs-json`)).json()) as Record<string, any>);
  }
  // Before the abuse suite can spend the street's floating places or touch the records.
  fixtures = await createScopeFixtures(tier);
  tier.time('start (services, documents, fixtures)', began);
}, 300_000);

afterAll(() => tier.stop(), 120_000);

timed('scope (ORG-2)', () => scopeSuite(tier, documents, () => fixtures));
timed('abuse', () => abuseSuite(tier, documents));
timed('system token (issue 14)', () => systemTokenSuite(tier, documents));
timed('schema conformance (schemathesis)', () => schemaConformanceSuite(tier, documents));
timed('races', () => racesSuite(tier));
timed('faults', () => {
  for (const kill of workerKills) {
    it(`${kill.service}: ${kill.label}, Temporal worker SIGKILLed mid-activity, service restarting`, () => kill.killMidActivity(), 240_000);
  }
  faultsSuite(tier, {
    // After the talent-pool kill, whose own restart overlaps the worker kills' restarts.
    afterServiceKill: () =>
      it('every service killed mid-activity answers /ready again', () => Promise.all(workerKills.map((k) => k.restarted())), 300_000),
  });
  for (const kill of workerKills) {
    it(
      `${kill.service}: ${kill.label} finishes after the kill: one effect and one event per key, none lost`,
      () => kill.finishesOnce(),
      240_000,
    );
  }
});
timed('Temporal outage', () => temporalOutageSuite(tier));

// Every suite's answers, counted by Tier.call (quiet polls included): a 503 is a dependency refusing
// while a fault runs; any other 5xx anywhere in the run is a defect, even where a suite compared statuses only.
it('no answer of the whole run was a 5xx other than 503', () => expect(tier.figures.serverErrors).toBe(0));

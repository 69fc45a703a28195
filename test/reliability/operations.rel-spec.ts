/**
 * The platform under concurrency and faults, on one start of the services they drive: races
 * first (they need a healthy stack), then the faults (a Temporal worker SIGKILLed mid-activity,
 * SIGKILL of a service, PostgreSQL backends killed, Kafka stopped). The worker-kill fault's
 * outcome is checked last: its activity's heartbeat timeout elapses while the other faults run.
 * The suites are in ./suites; README.md says what each proves.
 */
import { Tier } from './support/tier';
import { faultsSuite } from './suites/faults';
import { racesSuite } from './suites/races';
import { workerKillFault } from './suites/worker-kill';

const tier = new Tier('operations');
const workerKill = workerKillFault(tier);

beforeAll(() => tier.start(['workforce', 'talent-pool', 'payroll']), 300_000);
afterAll(() => tier.stop(), 120_000);

describe('races', () => racesSuite(tier));
describe('faults', () => {
  it(
    'PAY-3 Temporal worker SIGKILLed mid-activity (recalibration apply): killed while half applied, restarted',
    () => workerKill.killMidActivity(),
    240_000,
  );
  faultsSuite(tier);
  it(
    'PAY-3 after the worker kill the recalibration finishes: every worker changed once, one event each, none lost',
    () => workerKill.finishesOnce(),
    240_000,
  );
});

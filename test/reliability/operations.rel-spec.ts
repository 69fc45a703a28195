/**
 * The platform under concurrency and faults, on one start of every service: races first (they
 * need a healthy stack), then the faults (SIGKILL, PostgreSQL backends killed, Kafka stopped).
 * The suites are in ./suites; README.md says what each proves.
 */
import { Tier } from './support/tier';
import { faultsSuite } from './suites/faults';
import { racesSuite } from './suites/races';

const tier = new Tier('operations');

beforeAll(() => tier.start(), 300_000);
afterAll(() => tier.stop(), 120_000);

describe('races', () => racesSuite(tier));
describe('faults', () => faultsSuite(tier));

/**
 * The roster's services on REAL servers for integration specs, built from WorkersModule by the
 * workforce integration context (a throw-away schema in TEST_DATABASE_URL, the real org tree,
 * audit trail and outbox). Test code only (specs import it); never imported by the service.
 */
import { PiiCipher, testing, type OrgUnitDirectory, type Principal } from '@cwp/platform';
import { workforceWorkerEventContracts, type EventContract } from '@cwp/contracts';
import { platformMigrations } from '@cwp/platform';
import { createWorkforceIntContext, type WorkforceIntContext } from '../../testing';
import { workersMigrations } from '../migrations';
import { PromotionsService } from '../promotions.service';
import { WorkerLifecycleService } from '../worker-lifecycle.service';
import type { HireWorkerDto } from '../worker.dto';
import { WorkerRepository } from '../worker.repository';
import { WorkersModule } from '../workers.module';
import { WorkersService } from '../workers.service';

export const DISTRICT_A = '310101';
export const STREET_A1 = '310101002';
export const AREA_A1_1 = '310101002001';
export const AREA_A1_2 = '310101002002';
export const STREET_A2 = '310101013';
export const AREA_A2_1 = '310101013001';
export const DISTRICT_B = '310104';
export const STREET_B1 = '310104003';
export const AREA_B1_1 = '310104003001';

export const principalOf = (role: Principal['role'], unit: string): Principal => ({ sub: `${role}-${unit}`, role, unit });
export const cityPrincipal: Principal = principalOf('city', '31');

export interface WorkersGraph {
  workers: WorkersService;
  lifecycle: WorkerLifecycleService;
  promotions: PromotionsService;
}

export interface WorkersIntContext extends WorkersGraph {
  ds: testing.TestDataSource;
  repository: WorkerRepository;
  cipher: PiiCipher;
  directory: OrgUnitDirectory;
  /** The same services over the same schema with an outbox that knows only these contracts (to fail mid-transaction). */
  withOutbox(produces: readonly EventContract[]): Promise<WorkersGraph>;
  close(): Promise<void>;
}

const graphOf = (ctx: WorkforceIntContext): WorkersGraph => ({
  workers: ctx.get(WorkersService),
  lifecycle: ctx.get(WorkerLifecycleService),
  promotions: ctx.get(PromotionsService),
});

export async function createWorkersIntContext(schemaPrefix: string): Promise<WorkersIntContext> {
  const options = { schemaPrefix, imports: [WorkersModule], migrations: [...platformMigrations, ...workersMigrations] };
  const main = await createWorkforceIntContext({ ...options, produces: workforceWorkerEventContracts });
  const others: WorkforceIntContext[] = [];
  return {
    ds: main.ds,
    directory: main.directory,
    repository: main.get(WorkerRepository),
    cipher: main.get(PiiCipher),
    ...graphOf(main),
    async withOutbox(produces) {
      const other = await createWorkforceIntContext({ ...options, produces, dataSource: main.ds });
      others.push(other);
      return graphOf(other);
    },
    async close() {
      for (const other of others) await other.close();
      await main.close();
    },
  };
}

let counter = 0;

/** A valid hire; override what the test is about. */
export function newHire(overrides: Partial<HireWorkerDto> = {}): HireWorkerDto {
  counter += 1;
  return {
    unitCode: AREA_A1_1,
    name: `测试工作者${counter}`,
    birthDate: '1990-05-17',
    education: 'bachelor',
    major: 'social-work',
    entryRoute: 'recruited',
    role: 'staff',
    postLevel: 3,
    hiredOn: '2020-03-01',
    ...overrides,
  };
}

// Consecutive sequence numbers from a random start: independent random draws collided now and
// then (two hires of "one person": a flaky 409 DUPLICATE), consecutive ones never do within a run.
let sequence = Math.floor(Math.random() * 500);

/** A GB 11643-valid national ID number, unique within the run (check character computed). */
export function newNationalId(birth = '19900517'): string {
  sequence = (sequence + 1) % 1000;
  return testing.syntheticNationalId(birth, String(sequence).padStart(3, '0'), '310101');
}

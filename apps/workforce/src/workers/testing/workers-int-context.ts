/**
 * The roster's services on REAL servers for integration specs, built from WorkersModule with the
 * platform testing kit (a throw-away schema in TEST_DATABASE_URL, the real org tree, audit trail
 * and outbox). Test code only (specs import it); never imported by the service.
 */
import { OutboxWriter, PiiCipher, testing, type OrgUnitDirectory, type Principal } from '@cwp/platform';
import { workforceWorkerEventContracts, type EventContract } from '@cwp/contracts';
import { createWorkforceIntContext } from '../../testing';
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

export async function createWorkersIntContext(schemaPrefix: string): Promise<WorkersIntContext> {
  // The real OutboxWriter behind a switch: withOutbox() runs calls with one that knows fewer
  // contracts, over the same schema, so a failed append can be seen to roll the whole change back.
  const normal = new OutboxWriter('workforce', workforceWorkerEventContracts);
  let current = normal;
  const outbox = new Proxy(normal, {
    get: (_target, key) => {
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  const ctx = await createWorkforceIntContext({
    schemaPrefix,
    imports: [WorkersModule],
    migrations: workersMigrations,
    produces: workforceWorkerEventContracts,
    override: (builder) => builder.overrideProvider(OutboxWriter).useValue(outbox),
  });
  const graph: WorkersGraph = {
    workers: ctx.get(WorkersService),
    lifecycle: ctx.get(WorkerLifecycleService),
    promotions: ctx.get(PromotionsService),
  };
  const withOutbox = (produces: readonly EventContract[]): WorkersGraph => {
    const limited = new OutboxWriter('workforce', produces);
    const wrap = <T extends object>(service: T): T =>
      new Proxy(service, {
        get: (target, key) => {
          const value = Reflect.get(target, key, target) as unknown;
          if (typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            current = limited;
            try {
              return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            } finally {
              current = normal;
            }
          };
        },
      });
    return { workers: wrap(graph.workers), lifecycle: wrap(graph.lifecycle), promotions: wrap(graph.promotions) };
  };
  return {
    ds: ctx.ds,
    directory: ctx.directory,
    repository: ctx.get(WorkerRepository),
    cipher: ctx.get(PiiCipher),
    ...graph,
    withOutbox: async (produces) => withOutbox(produces),
    close: () => ctx.close(),
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

/** A GB 11643-valid national ID number, unique within the run: the platform's one builder. */
export function newNationalId(birth = '19900517'): string {
  return testing.newNationalId({ birthDate: birth, region: '310101' });
}

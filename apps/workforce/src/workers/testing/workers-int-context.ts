/**
 * The roster's service graph on REAL servers for integration specs: a throw-away schema in
 * TEST_DATABASE_URL (platform + roster migrations), the real org tree, real audit trail and
 * outbox. Test code only (specs import it); never imported by the service.
 */
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { AuditTrail, Jurisdiction, OrgUnitDirectory, OutboxWriter, PiiCipher, derivePersonRefKey, fromRepoRoot, platformMigrations, testing, ServiceClock, type Principal } from '@cwp/platform';
import { workforceWorkerEventContracts, type EventContract } from '@cwp/contracts';
import { defaultPolicyCatalog, nationalIdCheckChar } from '@cwp/policy';
import { workersMigrations } from '../migrations';
import { PromotionsService } from '../promotions.service';
import { TitleStructureGuard } from '../title-structure.guard';
import { WorkerAccess } from '../worker-access';
import { WorkerChanges } from '../worker-changes';
import { WorkerLifecycleService } from '../worker-lifecycle.service';
import type { HireWorkerDto } from '../worker.dto';
import { WorkerRepository } from '../worker.repository';
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
  /** The same graph with an outbox that knows only these contracts (to fail mid-transaction). */
  withOutbox(produces: readonly EventContract[]): WorkersGraph;
  close(): Promise<void>;
}

export async function createWorkersIntContext(schemaPrefix: string): Promise<WorkersIntContext> {
  Logger.overrideLogger(process.env.WF_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const ds = await testing.createTestDataSource({ schemaPrefix, migrations: [...platformMigrations, ...workersMigrations] });
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  const audit = new AuditTrail(ds);
  const jurisdiction = new Jurisdiction(directory, audit);
  const encryption = randomBytes(32);
  const cipher = new PiiCipher({ encryption, personRef: derivePersonRefKey(encryption) });
  const repository = new WorkerRepository(ds);
  const access = new WorkerAccess(repository, jurisdiction, directory);
  const guard = new TitleStructureGuard(repository, defaultPolicyCatalog());
  const clock = new ServiceClock();
  const build = (produces: readonly EventContract[]): WorkersGraph => {
    const outbox = new OutboxWriter('workforce', produces);
    const changes = new WorkerChanges(repository, audit, outbox);
    return {
      workers: new WorkersService(ds, repository, access, changes, guard, audit, outbox, cipher, clock),
      lifecycle: new WorkerLifecycleService(ds, access, changes, clock),
      promotions: new PromotionsService(ds, access, changes, guard, clock),
    };
  };
  return {
    ds,
    repository,
    cipher,
    directory,
    ...build(workforceWorkerEventContracts),
    withOutbox: build,
    close: () => ds.destroy(),
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

/** A GB 11643-valid national ID number with a random sequence (check character computed). */
export function newNationalId(birth = '19900517'): string {
  const body = `310101${birth}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return body + nationalIdCheckChar(body);
}

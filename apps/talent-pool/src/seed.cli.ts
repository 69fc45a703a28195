/**
 * `npm run seed -w apps/talent-pool` (node dist/seed.cli.js): a few demo reserve entries in the
 * service schema, for local exploration. Idempotent: fixed entry ids, and an entry that exists
 * is left alone. Their workflows are started by the service's reconciler at its next boot (the
 * seed leaves `workflow_started_at` empty, exactly like a crash between commit and start).
 * All people are synthetic; their ID numbers are generated with a valid check character.
 */
import 'reflect-metadata';
import {
  AuditTrail,
  OutboxWriter,
  PiiCipher,
  SYSTEM_PRINCIPAL,
  createServiceDataSource,
  loadPiiKeys,
  piiConfig,
  runMigrations,
  validateConfigOrExit,
} from '@cwp/platform';
import { talentPoolEventContracts, type EducationLevel, type PoolCertificate, type PoolMajor, type PoolSource } from '@cwp/contracts';
import { defaultPolicyCatalog, nationalIdCheckChar, shanghaiDate } from '@cwp/policy';
import { talentPoolConfig } from './config';
import { EntryRepository, insertRegistered, newEntryRow, planReserve } from './entries';
import { talentPoolMigrations } from './migrations';

interface DemoEntry {
  id: string;
  name: string;
  /** First 17 digits; the check character is computed. */
  idStem: string;
  phone: string;
  source: PoolSource;
  education: EducationLevel;
  major?: PoolMajor;
  certificates: PoolCertificate[];
  holdingUnit: string;
  months: number;
}

const DEMO: readonly DemoEntry[] = [
  {
    id: '7a1c0000-0000-4000-8000-000000000001',
    name: '示例甲',
    idStem: '31010420010315002',
    phone: '13800000001',
    source: 'student',
    education: 'bachelor',
    major: 'social-work',
    certificates: [],
    holdingUnit: '310104003',
    months: 24,
  },
  {
    id: '7a1c0000-0000-4000-8000-000000000002',
    name: '示例乙',
    idStem: '31010119880720004',
    phone: '13800000002',
    source: 'social-worker',
    education: 'junior-college',
    certificates: ['assistant-social-worker'],
    holdingUnit: '310101002',
    months: 18,
  },
  {
    id: '7a1c0000-0000-4000-8000-000000000003',
    name: '示例丙',
    idStem: '31011219850102006',
    phone: '13800000003',
    source: 'homemaker',
    education: 'junior-college',
    certificates: [],
    holdingUnit: '310112',
    months: 12,
  },
  {
    id: '7a1c0000-0000-4000-8000-000000000004',
    name: '示例丁',
    idStem: '31010419990909008',
    phone: '13800000004',
    source: 'student',
    education: 'master',
    major: 'public-administration',
    certificates: ['psychological-counsellor'],
    holdingUnit: '310104004',
    months: 24,
  },
];

async function main(): Promise<void> {
  const platform = validateConfigOrExit({ serviceName: 'talent-pool', configs: [talentPoolConfig, piiConfig] });
  const config = talentPoolConfig.get();
  const cipher = new PiiCipher(loadPiiKeys(piiConfig.get(), platform.stateDir));
  const dataSource = createServiceDataSource({
    url: platform.databaseUrl,
    schema: config.TALENT_POOL_DB_SCHEMA,
    migrations: talentPoolMigrations,
    applicationName: 'cwp-talent-pool-seed',
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const writers = {
      repository: new EntryRepository(dataSource),
      audit: new AuditTrail(dataSource),
      outbox: new OutboxWriter('talent-pool', talentPoolEventContracts),
    };
    const today = shanghaiDate(new Date());
    const policy = defaultPolicyCatalog().inForce(today);
    let created = 0;
    for (const demo of DEMO) {
      const nationalId = demo.idStem + nationalIdCheckChar(demo.idStem);
      const row = newEntryRow(
        demo.id,
        {
          name: demo.name,
          nationalId,
          phone: demo.phone,
          source: demo.source,
          education: demo.education,
          certificates: demo.certificates,
          holdingUnit: demo.holdingUnit,
          ...(demo.major ? { major: demo.major } : {}),
        },
        planReserve(policy, today, demo.months),
        cipher,
        { ...SYSTEM_PRINCIPAL, sub: 'seed' },
      );
      const inserted = await dataSource.transaction(async (em) => {
        // The lock makes two seeds running at once agree on who inserts.
        await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [demo.id]);
        if (await writers.repository.findById(demo.id, em)) return false;
        return insertRegistered(em, row, { ...SYSTEM_PRINCIPAL, sub: 'seed' }, writers);
      });
      if (inserted) created++;
    }
    console.log(
      `talent-pool seed: ${created} demo entr${created === 1 ? 'y' : 'ies'} created, ${DEMO.length - created} already present (schema ${config.TALENT_POOL_DB_SCHEMA})`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error('talent-pool seed failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

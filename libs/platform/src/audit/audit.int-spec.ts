// Audit trail on a real PostgreSQL schema: append-only enforced by the database, written in the
// change's own transaction, personal values never stored in clear.
import type { Principal } from '../auth/principal';
import { createTestDataSource, type TestDataSource } from '../testing';
import { syntheticNationalId } from '../testing/national-id';
import { auditMigrations } from './audit.migrations';
import { AuditTrail } from './audit-trail';

const operator: Principal = { sub: 'dora', role: 'district', unit: '310101' };

describe('AuditTrail (PostgreSQL)', () => {
  let ds: TestDataSource;
  let audit: AuditTrail;

  beforeAll(async () => {
    ds = await createTestDataSource({ schemaPrefix: 'platform_audit_it', migrations: auditMigrations });
    await ds.query('CREATE TABLE worker (id serial PRIMARY KEY, unit_code text NOT NULL, grade text)');
    audit = new AuditTrail(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  async function recordOne(entityId: string): Promise<void> {
    await ds.transaction((em) =>
      audit.record(em, { action: 'update', entity: 'worker', entityId, before: { grade: 'B' }, after: { grade: 'A' } }, operator, 'req-1'),
    );
  }

  it('is append-only: UPDATE, DELETE and TRUNCATE are rejected by the database', async () => {
    await recordOne('1');
    await expect(ds.query(`UPDATE audit_log SET subject = 'mallory'`)).rejects.toThrow(/append-only: UPDATE/);
    await expect(ds.query('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE/);
    await expect(ds.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE/);
    const rows = (await ds.query(`SELECT subject FROM audit_log WHERE entity_id = '1'`)) as Array<{ subject: string }>;
    expect(rows).toEqual([{ subject: 'dora' }]);
  });

  it('is written in the same transaction as the change: both roll back together', async () => {
    await expect(
      ds.transaction(async (em) => {
        const [row] = (await em.query(`INSERT INTO worker (unit_code, grade) VALUES ('310101002001', 'A') RETURNING id`)) as Array<{
          id: number;
        }>;
        await audit.record(em, { action: 'create', entity: 'worker', entityId: String(row.id), after: { grade: 'A' } }, operator);
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await ds.query('SELECT count(*)::int AS n FROM worker')).toEqual([{ n: 0 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'create'`)).toEqual([{ n: 0 }]);
  });

  it('and both commit together', async () => {
    const id = await ds.transaction(async (em) => {
      const [row] = (await em.query(`INSERT INTO worker (unit_code, grade) VALUES ('310101002001', 'A') RETURNING id`)) as Array<{
        id: number;
      }>;
      await audit.record(em, { action: 'create', entity: 'worker', entityId: String(row.id), after: { grade: 'A' } }, operator);
      return String(row.id);
    });
    expect(await ds.query(`SELECT action, changed_fields FROM audit_log WHERE entity_id = $1`, [id])).toEqual([
      { action: 'create', changed_fields: ['grade'] },
    ]);
  });

  it('refuses to write outside a transaction (the row could outlive a rolled-back change)', async () => {
    await expect(audit.record(ds.manager, { action: 'x', entity: 'worker', entityId: '9' }, operator)).rejects.toThrow(/open transaction/);
  });

  it('stores who, what and which fields changed, masking personal values (national ID, phone, name)', async () => {
    await ds.transaction((em) =>
      audit.record(
        em,
        {
          action: 'update',
          entity: 'worker',
          entityId: '77',
          before: {
            name: '张三',
            nationalId: syntheticNationalId('19900307', '123', '310101'),
            phone: '13812345678',
            grade: 'B',
            unitCode: '310101002001',
          },
          after: {
            name: '张四',
            nationalId: syntheticNationalId('19900307', '124', '310101'),
            phone: '13912345678',
            grade: 'A',
            unitCode: '310101002001',
            note: 'call 13700000000',
          },
        },
        operator,
        'req-77',
      ),
    );
    const [row] = (await ds.query(
      `SELECT subject, role, unit_code, request_id, changed_fields, before, after FROM audit_log WHERE entity_id = '77'`,
    )) as Array<Record<string, unknown>>;
    expect(row).toEqual({
      subject: 'dora',
      role: 'district',
      unit_code: '310101',
      request_id: 'req-77',
      changed_fields: ['grade', 'name', 'nationalId', 'note', 'phone'],
      before: { grade: 'B', name: '[personal]', nationalId: '[personal]', phone: '[personal]' },
      after: { grade: 'A', name: '[personal]', nationalId: '[personal]', phone: '[personal]', note: 'call [phone]' },
    });
  });

  it('recordDenied writes a denied row in its own transaction', async () => {
    await audit.recordDenied(
      { action: 'read', entity: 'worker', entityId: '5', reason: 'unit 310104003 outside scope 310101' },
      operator,
      'req-deny',
    );
    expect(await ds.query(`SELECT outcome, reason FROM audit_log WHERE request_id = 'req-deny'`)).toEqual([
      { outcome: 'denied', reason: 'unit 310104003 outside scope 310101' },
    ]);
  });
});

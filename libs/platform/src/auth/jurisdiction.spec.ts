import type { AuditDenial, AuditTrail } from '../audit/audit-trail';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { Jurisdiction } from './jurisdiction';
import type { Principal } from './principal';

const directory = new OrgUnitDirectory([
  { code: '31', name: '上海市', kind: 'city', parent: null },
  { code: '310101', name: '黄浦区', kind: 'district', parent: '31' },
  { code: '310104', name: '徐汇区', kind: 'district', parent: '31' },
  { code: '310101002', name: '南京东路街道', kind: 'street', parent: '310101' },
  { code: '310104003', name: '天平路街道', kind: 'street', parent: '310104' },
]);

// The audit trail's database behaviour is covered by audit.int-spec.ts; here only what is asked of it.
function recordingAudit(): { audit: AuditTrail; denials: Array<{ denial: AuditDenial; principal: Principal; requestId?: string }> } {
  const denials: Array<{ denial: AuditDenial; principal: Principal; requestId?: string }> = [];
  const audit = {
    recordDenied: async (denial: AuditDenial, principal: Principal, requestId?: string) =>
      void denials.push({ denial, principal, ...(requestId ? { requestId } : {}) }),
  } as unknown as AuditTrail;
  return { audit, denials };
}

const district: Principal = { sub: 'd1', role: 'district', unit: '310101' };

describe('Jurisdiction (ORG-2)', () => {
  it('lets a district operator reach its own streets without recording anything', async () => {
    const { audit, denials } = recordingAudit();
    await new Jurisdiction(directory, audit).assertWithin(district, '310101002', { entity: 'worker', entityId: 'w1' });
    expect(denials).toEqual([]);
  });

  it('answers NOT_FOUND (never FORBIDDEN) for another district, after recording the denial', async () => {
    const { audit, denials } = recordingAudit();
    const err = await new Jurisdiction(directory, audit)
      .assertWithin(district, '310104003', { entity: 'worker', entityId: 'w2' }, 'req-9')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'worker w2 not found' });
    expect(denials).toEqual([
      {
        denial: { action: 'read', entity: 'worker', entityId: 'w2', reason: 'unit 310104003 outside scope 310101' },
        principal: district,
        requestId: 'req-9',
      },
    ]);
  });

  it('treats a unit missing from the tree like one out of scope', async () => {
    const { audit, denials } = recordingAudit();
    await expect(new Jurisdiction(directory, audit).assertUnitAccessible(district, '310101999', 'unitCode')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'unitCode',
    });
    expect(denials).toHaveLength(1);
  });

  it('city and system principals reach every unit', () => {
    const j = new Jurisdiction(directory, recordingAudit().audit);
    expect(j.allows({ sub: 'c', role: 'city', unit: '31' }, '310104003')).toBe(true);
    expect(j.allows({ sub: 's', role: 'system', unit: '31' }, '310101002')).toBe(true);
  });
});

/** The org tree as reference data on real PostgreSQL: reads within jurisdiction, households updates (ORG-2, QUOTA-2). */
import type { OrgUnitDirectory, Principal, testing } from '@cwp/platform';
import { defaultPolicyCatalog } from '@cwp/policy';
import { loadReferenceData } from '../reference-data';
import { createWorkforceIntContext, ORG_TREE_FILE, type WorkforceIntContext } from '../testing';
import { OrgModule } from './org.module';
import { OrgUnitsService } from './org-units.service';
import { ListUnitsQueryDto } from './org-unit.dto';

const city: Principal = { sub: 'city-op', role: 'city', unit: '31' };

function listQuery(fields: Partial<ListUnitsQueryDto>): ListUnitsQueryDto {
  return Object.assign(new ListUnitsQueryDto(), fields);
}

describe('org units (real PostgreSQL)', () => {
  let ctx: WorkforceIntContext;
  let ds: testing.TestDataSource;
  let service: OrgUnitsService;
  let directory: OrgUnitDirectory;
  let district: string;
  let street: string;
  let area: string;

  beforeAll(async () => {
    ctx = await createWorkforceIntContext({ schemaPrefix: 'wf_units_it', imports: [OrgModule] });
    ({ ds, directory } = ctx);
    await loadReferenceData(ds, ORG_TREE_FILE, defaultPolicyCatalog(), 5);
    service = ctx.get(OrgUnitsService);
    area = directory.unitsWithin('31', 'area')[0]!.code;
    street = area.slice(0, 9);
    district = area.slice(0, 6);
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
  });

  it('GET a unit answers its children counts and the households of the areas beneath', async () => {
    const unit = await service.get(district, city);
    const tree = directory.unitsWithin(district);
    expect(unit.children).toEqual({
      direct: directory.childrenOfUnit(district).length,
      districts: 0,
      streets: tree.filter((u) => u.kind === 'street').length,
      areas: tree.filter((u) => u.kind === 'area').length,
    });
    expect(unit.totals.households).toBe(tree.reduce((s, u) => s + (u.households ?? 0), 0));
    expect(unit.region).toBe(directory.get(district)!.region);
  });

  it('GET /units lists direct children, or a kind within the subtree, paged', async () => {
    const streets = await service.list(listQuery({ parent: district }), city);
    expect(streets.items.every((u) => u.kind === 'street' && u.parent === district)).toBe(true);
    const areas = await service.list(listQuery({ parent: district, kind: 'area', pageSize: 10, page: 2 }), city);
    expect(areas.total).toBe(directory.unitsWithin(district, 'area').length);
    expect(areas.items).toHaveLength(10);
    const mine = await service.list(listQuery({}), { sub: 's', role: 'street', unit: street });
    expect(mine.items.map((u) => u.code)).toEqual(
      directory
        .childrenOfUnit(street)
        .map((u) => u.code)
        .sort(),
    );
  });

  it('ORG-2: a street operator cannot read another street or list another district: 404, denial recorded', async () => {
    const otherStreet = directory.unitsWithin('31', 'street').find((s) => s.code !== street)!.code;
    const operator: Principal = { sub: 'nosy', role: 'street', unit: otherStreet };
    await expect(service.get(area, operator)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(service.list(listQuery({ parent: district }), operator)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [{ n }] = (await ds.query("SELECT count(*)::int AS n FROM audit_log WHERE subject = 'nosy' AND outcome = 'denied'")) as Array<{
      n: number;
    }>;
    expect(n).toBe(2);
  });

  it('QUOTA-2 inputs: a district operator updates an area’s households, audited, with optimistic versions', async () => {
    const operator: Principal = { sub: 'district-op', role: 'district', unit: district };
    const before = await service.get(area, operator);
    const after = await service.update(area, { households: 2750, population: 6100, version: before.version }, operator);
    expect(after).toMatchObject({ households: 2750, population: 6100, version: before.version + 1 });
    await expect(service.update(area, { households: 2800, version: before.version }, operator)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    const [audit] = (await ds.query(
      "SELECT before, after FROM audit_log WHERE entity = 'org_unit' AND entity_id = $1 AND outcome = 'allowed'",
      [area],
    )) as Array<{ after: unknown }>;
    expect(audit).toMatchObject({ after: { households: 2750, population: 6100 } });
  });

  it('refuses households on a street (422 naming QUOTA-2), fewer people than households, and other districts (404)', async () => {
    await expect(service.update(street, { households: 10 }, city)).rejects.toMatchObject({
      code: 'BUSINESS_RULE_VIOLATED',
      details: { rule: 'QUOTA-2' },
    });
    await expect(service.update(area, { households: 9000, population: 100 }, city)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'population',
    });
    const otherDistrict = directory.unitsWithin('31', 'district').find((d) => d.code !== district)!.code;
    await expect(service.update(area, { households: 10 }, { sub: 'x', role: 'district', unit: otherDistrict })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

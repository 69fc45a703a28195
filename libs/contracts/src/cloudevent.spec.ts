import { defineEventContract, parseCloudEvent, MalformedCloudEventError } from './cloudevent';
import { ContractRegistry } from './registry';

const schema = { type: 'object', properties: { entryId: { type: 'string' } }, required: ['entryId'] };

describe('defineEventContract', () => {
  it('reads the version from the type', () => {
    const c = defineEventContract<{ entryId: string }>({
      type: 'cwp.talent-pool.entry.created.v2',
      topic: 'cwp.talent-pool.entries',
      schema,
    });
    expect(c.version).toBe(2);
  });

  it.each([
    ['cwp.talent-pool.entry.created', 'cwp.talent-pool.entries'],
    ['talent-pool.entry.created.v1', 'cwp.talent-pool.entries'],
    ['cwp.talent-pool.entry.created.v1', 'talent-pool.entries'],
    ['cwp.talent-pool.entry.created.v1', 'cwp.workforce.entries'],
  ])('refuses type %s on topic %s', (type, topic) => {
    expect(() => defineEventContract({ type, topic, schema })).toThrow();
  });
});

describe('defineEventContract service naming', () => {
  it('accepts a type whose service differs from the topic only by hyphens (cwp.talentpool.* on cwp.talent-pool.*)', () => {
    const c = defineEventContract({ type: 'cwp.talentpool.entry.registered.v1', topic: 'cwp.talent-pool.entries', schema });
    expect(c).toEqual({ type: 'cwp.talentpool.entry.registered.v1', topic: 'cwp.talent-pool.entries', schema, version: 1 });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('still refuses a topic of another service', () => {
    expect(() => defineEventContract({ type: 'cwp.talentpool.entry.registered.v1', topic: 'cwp.workforce.workers', schema })).toThrow(
      /own service/,
    );
    expect(() => defineEventContract({ type: 'cwp.talent-pool.entry.registered.v1', topic: 'cwp.talent-poo.entries', schema })).toThrow(
      /own service/,
    );
  });
});

describe('parseCloudEvent', () => {
  const valid = {
    id: 'e1',
    source: '/cwp/talent-pool',
    type: 'cwp.talent-pool.entry.created.v1',
    specversion: '1.0',
    time: '2026-01-01T00:00:00Z',
    data: {},
  };

  it('accepts a complete envelope from bytes', () => {
    expect(parseCloudEvent(Buffer.from(JSON.stringify(valid))).id).toBe('e1');
  });

  it.each([
    ['not JSON', '{oops'],
    ['an array', '[]'],
    ['missing id', JSON.stringify({ ...valid, id: undefined })],
    ['wrong specversion', JSON.stringify({ ...valid, specversion: '0.3' })],
    ['missing data', JSON.stringify({ ...valid, data: undefined })],
  ])('rejects %s without echoing the payload', (_name, raw) => {
    try {
      parseCloudEvent(raw);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedCloudEventError);
      expect((error as Error).message).not.toContain('/cwp/talent-pool');
    }
  });

  it('rejects an empty message', () => {
    expect(() => parseCloudEvent(null)).toThrow(MalformedCloudEventError);
  });
});

describe('ContractRegistry', () => {
  const a = defineEventContract({ type: 'cwp.talent-pool.entry.created.v1', topic: 'cwp.talent-pool.entries', schema });
  const b = defineEventContract({ type: 'cwp.talent-pool.entry.removed.v1', topic: 'cwp.talent-pool.entries', schema });

  it('looks contracts up by type and lists distinct topics', () => {
    const registry = new ContractRegistry([a, b]);
    expect(registry.require(a.type)).toBe(a);
    expect(registry.get('cwp.x.y.z.v1')).toBeUndefined();
    expect(registry.topics()).toEqual(['cwp.talent-pool.entries']);
  });

  it('refuses two different contracts for one type', () => {
    const clash = defineEventContract({ type: a.type, topic: a.topic, schema: {} });
    expect(() => new ContractRegistry([a, clash])).toThrow(/twice/);
  });
});

import { ReadinessRegistry } from './readiness-registry';

describe('ReadinessRegistry', () => {
  it('reports each check, failing ones with a reason and without credentials', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', async () => {});
    registry.register('kafka', async () => {
      throw new Error('connect ECONNREFUSED postgres://cwp:hunter2@127.0.0.1:1');
    });
    const results = await registry.runAll();
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['database', 'up'],
      ['kafka', 'down'],
    ]);
    expect(results[1].error).toContain('ECONNREFUSED');
    expect(results[1].error).not.toContain('hunter2');
  });

  it('bounds a hung check by the timeout', async () => {
    const registry = new ReadinessRegistry();
    registry.register('temporal', () => new Promise<void>(() => {}));
    const [result] = await registry.runAll(50);
    expect(result.status).toBe('down');
    expect(result.error).toMatch(/timed out/);
  });

  it('refuses two checks with the same name', () => {
    const registry = new ReadinessRegistry();
    registry.register('x', async () => {});
    expect(() => registry.register('x', async () => {})).toThrow(/already registered/);
  });
});

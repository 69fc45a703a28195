import { readFileSync } from 'node:fs';
import type { TreeUnit } from '../org-tree/org-tree-unit';
import { join } from 'node:path';
import { generateWorkforce } from './generate-workforce';
import { MAX_SLOT, syntheticWorkerId } from './synthetic-worker-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Reads (unit code, slot) back out of an id, independently of the code that wrote it. */
function decode(id: string): { unitCode: string; slot: number } {
  const [, slotHigh, versionAndSlotLow, , unit] = id.split('-');
  return { unitCode: unit!.replace(/f+$/, ''), slot: parseInt(slotHigh!, 16) * 4096 + parseInt(versionAndSlotLow!.slice(1), 16) };
}

describe('synthetic worker ids', () => {
  it('give back their (unit, slot): an inverse exists, so distinct (unit, slot) never share an id', () => {
    const codes = ['31', '310101', '310101002', '310101002001', '310115145034', '999999999999', '0', '310101002000'];
    const slots = [0, 1, 2, 4095, 4096, 4097, 65_535, 65_536, 1_000_000, MAX_SLOT - 1, MAX_SLOT];
    for (const seed of [0, 1, -7, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
      for (const unitCode of codes) {
        for (const slot of slots) {
          const id = syntheticWorkerId(seed, unitCode, slot);
          expect(id).toMatch(UUID);
          expect(decode(id)).toEqual({ unitCode, slot });
        }
      }
    }
  });

  it('are a pure function of (seed, unit, slot) and tell seeds apart', () => {
    expect(syntheticWorkerId(1, '310101002001', 3)).toBe(syntheticWorkerId(1, '310101002001', 3));
    expect(syntheticWorkerId(1, '310101002001', 3)).not.toBe(syntheticWorkerId(2, '310101002001', 3));
  });

  it('refuse what the layout cannot hold instead of repeating an id', () => {
    expect(() => syntheticWorkerId(1, '310101002001', MAX_SLOT + 1)).toThrow(RangeError);
    expect(() => syntheticWorkerId(1, '310101002001', -1)).toThrow(RangeError);
    expect(() => syntheticWorkerId(1, '3101010020011', 0)).toThrow(RangeError);
    expect(() => syntheticWorkerId(1, '31010100200a', 0)).toThrow(RangeError);
  });

  it('are unique over 200,000 generated workers (the 32-bit PRNG state repeated ids around 620,000)', () => {
    const { units } = JSON.parse(readFileSync(join(__dirname, '../../../../seeds/org-tree/shanghai.json'), 'utf8')) as {
      units: TreeUnit[];
    };
    const ids = new Set<string>();
    let count = 0;
    let foreignUnit = 0;
    for (const worker of generateWorkforce({ seed: 1, size: 200_000, units })) {
      ids.add(worker.id);
      count++;
      if (!worker.id.endsWith(worker.unitCode.padEnd(12, 'f'))) foreignUnit++;
    }
    expect(count).toBe(200_000);
    expect(foreignUnit).toBe(0);
    expect(ids.size).toBe(200_000);
  });
});

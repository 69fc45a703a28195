import type { WorkerRow } from './worker.row';
import { ROSTER_HEADERS, rosterCells } from './roster-export';

const row = {
  id: 'w-1',
  name: '王芳',
  gender: 'female',
  birthDate: '1990-05-17',
  education: 'bachelor',
  unitCode: '310101002001',
  status: 'exited',
  entryRoute: 'recruited',
  postCategory: 'staff',
  postLevel: 3,
  postRole: null,
  title: 'junior',
  role: 'staff',
  hiredOn: '2020-03-01',
  exitedOn: '2025-05-31',
  exitCause: 'law',
  nationalIdMasked: '3101**********1234',
  nationalIdEnc: 'ciphertext',
  personRef: 'hash',
} as unknown as WorkerRow;

describe('the roster file line (issue 14 exports)', () => {
  it('one cell per Chinese header; codes become their zh-CN labels; the age is at the exit', () => {
    const cells = rosterCells(row, '2026-12-02');
    expect(cells).toHaveLength(ROSTER_HEADERS.length);
    const cell = (header: (typeof ROSTER_HEADERS)[number]) => cells[ROSTER_HEADERS.indexOf(header)];
    expect(cell('性别')).toBe('女');
    expect(cell('学历')).toBe('本科');
    expect(cell('职称')).toBe('初级社区工作者');
    expect(cell('年龄')).toBe(35);
    expect(cell('岗位细分')).toBeNull();
    expect(cell('身份证号（脱敏）')).toBe('3101**********1234');
  });

  it('never carries the ciphertext or the person reference', () => {
    const cells = rosterCells(row, '2026-12-02');
    expect(cells).not.toContain('ciphertext');
    expect(cells).not.toContain('hash');
  });
});

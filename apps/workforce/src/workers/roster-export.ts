import { zhLabelOf } from '@cwp/contracts';
import { ageOn } from './rules/age-band';
import type { WorkerRow } from './worker.row';

/** The roster file's columns, in Chinese (operators read it; issue 14). Codes become their zh-CN labels. */
export const ROSTER_HEADERS = [
  '工号',
  '姓名',
  '性别',
  '出生日期',
  '年龄',
  '学历',
  '单位代码',
  '在岗状态',
  '进入方式',
  '岗位类别',
  '岗位等级',
  '岗位细分',
  '职称',
  '职务',
  '入职日期',
  '离职日期',
  '离职原因',
  '身份证号（脱敏）',
] as const;

const GENDER = { female: '女', male: '男' } as const;

/** One roster line: the same facts as the API's worker (national ID masked; never the ciphertext or personRef). */
export function rosterCells(row: WorkerRow, today: string): Array<string | number | null> {
  const asOf = row.exitedOn && row.exitedOn < today ? row.exitedOn : today;
  return [
    row.id,
    row.name,
    row.gender ? GENDER[row.gender] : null,
    row.birthDate,
    ageOn(row.birthDate, asOf),
    zhLabelOf('education', row.education),
    row.unitCode,
    zhLabelOf('worker-status', row.status),
    zhLabelOf('entry-route', row.entryRoute),
    zhLabelOf('post-category', row.postCategory),
    row.postLevel,
    row.postRole ? zhLabelOf('post-role', row.postRole) : null,
    row.title ? zhLabelOf('title', row.title) : null,
    zhLabelOf('role', row.role),
    row.hiredOn,
    row.exitedOn,
    row.exitCause ? zhLabelOf('exit-cause', row.exitCause) : null,
    row.nationalIdMasked,
  ];
}

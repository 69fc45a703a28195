import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { requireNumber } from '../explain/require-input';
import { roundTo } from '../money/rounding';

export interface StaffingFigures {
  readonly quota: number;
  readonly headcount: number;
  /** Workers actually at their post (not seconded, on long leave or vacant-but-filled). */
  readonly onDuty: number;
  /** Workers who left during the period. */
  readonly leavers: number;
}

export interface StaffingReport {
  readonly quota: number;
  readonly headcount: number;
  readonly vacancies: number;
  /** 在岗率 = on duty / quota, 4 decimals. */
  readonly onDutyRate: number;
  /** 流失率 = leavers / (headcount + leavers), i.e. of everyone employed in the period, 4 decimals. */
  readonly turnoverRate: number;
}

/** QUOTA-6: the figures reported per unit. */
export function staffingReport(f: StaffingFigures): Decision<StaffingReport> {
  requireNumber('quota', f.quota, { min: 0, max: 1e7, integer: true }, 'QUOTA-6');
  requireNumber('headcount', f.headcount, { min: 0, max: 1e7, integer: true }, 'QUOTA-6');
  requireNumber('onDuty', f.onDuty, { min: 0, max: f.headcount, integer: true }, 'QUOTA-6');
  requireNumber('leavers', f.leavers, { min: 0, max: 1e7, integer: true }, 'QUOTA-6');
  const employed = f.headcount + f.leavers;
  const value = {
    quota: f.quota,
    headcount: f.headcount,
    vacancies: Math.max(0, f.quota - f.headcount),
    onDutyRate: f.quota === 0 ? 0 : roundTo(f.onDuty / f.quota, 4),
    turnoverRate: employed === 0 ? 0 : roundTo(f.leavers / employed, 4),
  };
  return new ExplanationBuilder({ ...f })
    .step('QUOTA-6', `On-duty rate ${f.onDuty}/${f.quota}; turnover ${f.leavers}/${employed}`, value)
    .decide(value);
}

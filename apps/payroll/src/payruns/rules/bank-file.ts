import type { PaySlipRow } from '../pay-run.row';

/**
 * The bank transfer file of a period (CSV, UTF-8 with BOM so spreadsheet tools read the Chinese
 * header): one line per worker, amount (base, performance and arrears) in yuan with two decimals. Payroll holds no bank accounts
 * (personal data): the bank matches by worker id against the accounts HR keeps.
 */
export function bankTransferCsv(period: string, slips: readonly PaySlipRow[]): string {
  const lines = ['\uFEFF工号(workerId),单位代码(unitCode),期间(period),金额(元)(amountYuan)'];
  for (const s of slips) lines.push([s.workerId, s.unitCode, period, yuan(s.baseFen + s.performanceFen + s.arrearsFen)].join(','));
  return lines.join('\r\n') + '\r\n';
}

function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

import { bankTransferCsv } from './bank-file';

describe('bank transfer file', () => {
  it('one CSV line per worker with the amount in yuan, Chinese header, CRLF', () => {
    const csv = bankTransferCsv('2027-03', [
      {
        period: '2027-03',
        workerId: 'w1',
        unitCode: '310101002001',
        annualFen: 0,
        baseFen: 1_000_005,
        performanceFen: 300_000,
        arrearsFen: 0,
      },
    ]);
    expect(csv).toBe('\uFEFF工号(workerId),单位代码(unitCode),期间(period),金额(元)(amountYuan)\r\nw1,310101002001,2027-03,13000.05\r\n');
  });

  it('PAY-3: back pay (arrears) is part of the amount paid; a recovery below zero keeps its sign', () => {
    const slip = { period: '2027-04', workerId: 'w1', unitCode: '310101002001', annualFen: 0, baseFen: 1_000_000, performanceFen: 0 };
    expect(bankTransferCsv('2027-04', [{ ...slip, arrearsFen: 45_607 }])).toContain('w1,310101002001,2027-04,10456.07\r\n');
    expect(bankTransferCsv('2027-04', [{ ...slip, baseFen: 0, arrearsFen: -1_05 }])).toContain('w1,310101002001,2027-04,-1.05\r\n');
  });
});

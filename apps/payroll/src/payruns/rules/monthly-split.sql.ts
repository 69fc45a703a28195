/**
 * rules/monthly-split.ts as SQL expressions (PAY-2, PAY-5), so the slips and the arrears of a run
 * are computed set-based with the same arithmetic: `annual` a bigint column, `month` an int,
 * `share` the performance share, `paidEvery` 'quarter' or 'year' (expressions or bind parameters).
 */
const baseYear = (annual: string, share: string): string => `round(${annual}::numeric * (1 - ${share}::numeric))::bigint`;

export function monthBaseSql(annual: string, month: string, share: string): string {
  const base = baseYear(annual, share);
  return `(${base} / 12 + CASE WHEN ${month} <= ${base} % 12 THEN 1 ELSE 0 END)`;
}

export function monthPerformanceSql(annual: string, month: string, share: string, paidEvery: string): string {
  const perf = `(${annual} - ${baseYear(annual, share)})`;
  return `(CASE WHEN ${paidEvery} = 'year' THEN CASE WHEN ${month} = 12 THEN ${perf} ELSE 0 END
               WHEN ${month} % 3 = 0 THEN ${perf} / 4 + CASE WHEN ${month} / 3 <= ${perf} % 4 THEN 1 ELSE 0 END
               ELSE 0 END)`;
}

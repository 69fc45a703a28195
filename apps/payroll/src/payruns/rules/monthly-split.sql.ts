/**
 * rules/monthly-split.ts as an SQL expression (PAY-2), so the slips and the arrears of a run are
 * computed set-based with the same arithmetic: `annual` a bigint column, `month` an int, `share`
 * the performance share (expressions or bind parameters).
 */
const baseYear = (annual: string, share: string): string => `round(${annual}::numeric * (1 - ${share}::numeric))::bigint`;

export function monthBaseSql(annual: string, month: string, share: string): string {
  const base = baseYear(annual, share);
  return `(${base} / 12 + CASE WHEN ${month} <= ${base} % 12 THEN 1 ELSE 0 END)`;
}

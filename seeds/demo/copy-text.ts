/**
 * One line of PostgreSQL's COPY text format: tab-separated, `\N` for null, and backslash,
 * tab, newline and carriage return escaped inside values (so JSON and names travel unchanged).
 */
export type CopyValue = string | number | boolean | null;

export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}

function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, escapeChar) : text;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\\':
      return '\\\\';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    default:
      return '\\r';
  }
}

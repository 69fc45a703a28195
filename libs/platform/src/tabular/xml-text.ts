// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates are
// left to the UTF-8 encoder). A spreadsheet cell must never make the whole file unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const SPECIAL = /[&<>"]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text as XML character data or attribute value: escaped, with characters XML forbids removed. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(SPECIAL, (c) => ESCAPES[c] ?? c);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data back to text (the five named entities and numeric references). */
export function xmlUnescape(value: string): string {
  return value.replace(ENTITY, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return NAMED[entity] ?? '';
  });
}

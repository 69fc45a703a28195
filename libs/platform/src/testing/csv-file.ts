/**
 * The lines of a CSV the platform wrote (tabularFile: UTF-8 with a byte-order mark, CRLF), as a
 * test reads them to compare with the API: mark and trailing line end dropped (fetch's text()
 * already drops the mark; a Buffer read does not).
 */
export function csvFileLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
}

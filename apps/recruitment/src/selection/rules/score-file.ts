/**
 * A bulk score file (CSV, UTF-8, or the first sheet of an XLSX workbook): a header `applicantId,score` (or the Chinese `报名编号,成绩`),
 * then one applicant per line. Validated row by row; every bad row is reported with its line
 * number, and a file with any bad row is refused whole (nothing of it is stored).
 */

export interface ScoreLine {
  line: number;
  applicantId: string;
  score: number;
}

export interface ScoreFileProblem {
  line: number;
  field: 'applicantId' | 'score' | 'header' | 'file';
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const SCORE = /^(?:100(?:\.0{1,2})?|\d{1,2}(?:\.\d{1,2})?)$/;
const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['applicantid', 'score'],
  ['报名编号', '成绩'],
];
export const MAX_SCORE_LINES = 50_000;

/** An XLSX score file (the first sheet, read by @cwp/platform's readXlsxRows): cells past the last filled one dropped. */
export function parseScoreXlsx(rows: ReadonlyArray<{ rowNumber: number; cells: string[] }>): {
  lines: ScoreLine[];
  problems: ScoreFileProblem[];
} {
  return parseScoreRows(
    rows.map((r) => {
      const cells = [...r.cells];
      while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
      return { line: r.rowNumber, cells };
    }),
  );
}

/** One row of an uploaded file: its line (CSV) or row number (XLSX) and its cells as text. */
export interface ScoreFileRow {
  line: number;
  cells: string[];
}

/** A CSV score file: split into rows, then checked as every score file is. */
export function parseScoreCsv(text: string): { lines: ScoreLine[]; problems: ScoreFileProblem[] } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  return parseScoreRows(rows.map((raw, i) => ({ line: i + 1, cells: raw.trim() === '' ? [] : raw.split(',') })));
}

/** Score rows, header first (blank rows have no cells): every bad row is reported with its line. */
export function parseScoreRows(rows: readonly ScoreFileRow[]): { lines: ScoreLine[]; problems: ScoreFileProblem[] } {
  const problems: ScoreFileProblem[] = [];
  const lines: ScoreLine[] = [];
  const header = (rows[0]?.cells ?? []).map((c) => c.trim().toLowerCase());
  if (rows[0]?.line !== 1 || !HEADERS.some(([a, s]) => header[0] === a && header[1] === s && header.length === 2)) {
    return { lines, problems: [{ line: 1, field: 'header', message: 'the first line must be "applicantId,score" (or "报名编号,成绩")' }] };
  }
  const seen = new Map<string, number>();
  for (const { line, cells: raw } of rows.slice(1)) {
    if (raw.every((c) => c.trim() === '')) continue;
    const cells = raw.map((c) => c.trim());
    if (cells.length !== 2) {
      problems.push({ line, field: 'file', message: `expected 2 columns, found ${cells.length}` });
      continue;
    }
    const [applicantId, score] = cells as [string, string];
    if (!UUID.test(applicantId)) problems.push({ line, field: 'applicantId', message: 'applicantId is not an applicant id' });
    else if (seen.has(applicantId.toLowerCase()))
      problems.push({ line, field: 'applicantId', message: `applicantId repeats line ${seen.get(applicantId.toLowerCase())}` });
    if (!SCORE.test(score))
      problems.push({ line, field: 'score', message: `score "${score}" must be a number 0..100 with at most two decimals (REC-6)` });
    if (UUID.test(applicantId) && SCORE.test(score) && !seen.has(applicantId.toLowerCase()))
      lines.push({ line, applicantId: applicantId.toLowerCase(), score: Number(score) });
    if (UUID.test(applicantId)) seen.set(applicantId.toLowerCase(), seen.get(applicantId.toLowerCase()) ?? line);
  }
  if (lines.length + problems.length === 0) problems.push({ line: 2, field: 'file', message: 'the file has no score lines' });
  const last = rows[rows.length - 1]?.line ?? 0;
  if (last - 1 > MAX_SCORE_LINES)
    problems.push({ line: MAX_SCORE_LINES + 2, field: 'file', message: `at most ${MAX_SCORE_LINES} lines per file` });
  return { lines, problems };
}

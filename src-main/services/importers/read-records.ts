import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';

/** One row of an import file: its fields, or why it could not even be read. */
export type RawRecord = { line: number; fields: Record<string, unknown> } | { line: number; error: string };

/**
 * Rows of a JSON Lines or CSV file (UTF-8, a byte-order mark tolerated), each with its line number.
 * A row that cannot be parsed becomes an error row; it never stops the rows after it.
 */
export function readRecords(path: string): RawRecord[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return readCsv(text);
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return readJsonLines(text);
  throw new Error(`${path}: unknown file type "${ext}"; use .jsonl (JSON Lines) or .csv`);
}

function readJsonLines(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        records.push({ line: i + 1, error: 'each line must be one JSON object {…}' });
      } else {
        records.push({ line: i + 1, fields: value as Record<string, unknown> });
      }
    } catch (err) {
      records.push({ line: i + 1, error: `not valid JSON: ${(err as Error).message}` });
    }
  });
  return records;
}

/**
 * CSV through csv-parse. A row it cannot read (an unclosed quote, a wrong number of fields) is reported at the
 * line where it starts, and reading starts again on the next line, so no row after it is lost.
 */
function readCsv(text: string): RawRecord[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineCount = lineStarts.length;
  const isEmpty = (line: number) => /^\r?$/.test(text.slice(lineStarts[line - 1], (lineStarts[line] ?? text.length + 1) - 1));
  /** The first line of the row after `end` (csv-parse skips empty lines between rows). */
  const rowStart = (end: number) => {
    let line = end + 1;
    while (line < lineCount && isEmpty(line)) line++;
    return line;
  };
  const records: RawRecord[] = [];
  let header: string[] | null = null;
  let from = 1; // each pass starts on this line; csv-parse numbers the lines of a pass from 1
  while (from <= lineCount) {
    const offset = from - 1;
    let lastEnd = offset;
    try {
      parse(text.slice(lineStarts[offset]), {
        columns:
          header ??
          ((names: string[]) => {
            lastEnd = 1;
            return (header = names.map((h) => h.trim()));
          }),
        skip_empty_lines: true,
        info: true,
        relax_column_count: false,
        on_record: ({ record, info }: { record: Record<string, string>; info: { lines: number } }) => {
          const start = rowStart(lastEnd);
          lastEnd = offset + info.lines;
          records.push({ line: start, fields: record });
          return null;
        },
      });
      break;
    } catch (err) {
      const reason = (err as Error).message.replace(/ at line \d+/, '');
      if (header === null) {
        records.push({ line: 1, error: `malformed CSV header: ${reason}` });
        break;
      }
      // An unclosed quote makes csv-parse read on into the rows below, so only the row's first line is broken.
      const broken = rowStart(lastEnd);
      records.push({ line: broken, error: `malformed CSV row: ${reason}` });
      from = broken + 1;
    }
  }
  return records;
}

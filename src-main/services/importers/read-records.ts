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

function readCsv(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  const rows = parse(text, {
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    info: true,
    relax_column_count: false,
    skip_records_with_error: true,
    on_skip: (err) => {
      if (err) records.push({ line: (err as { lines?: number }).lines ?? 0, error: `malformed CSV row: ${err.message}` });
    },
  }) as { record: Record<string, string>; info: { lines: number } }[];
  for (const { record, info } of rows) records.push({ line: info.lines, fields: record });
  return records.sort((a, b) => a.line - b.line);
}

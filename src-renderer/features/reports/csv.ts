import { stringify } from 'csv-stringify/browser/esm/sync';

export interface TableData {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A table as CSV for a spreadsheet: a BOM so Excel reads the Chinese and Thai as UTF-8, and any cell that starts
 * with = + - @ (or a tab or return) prefixed with ' so a spreadsheet never runs it as a formula (a why-tag or an
 * agent's name is typed by people).
 */
export function toCsv(table: TableData): string {
  return '\uFEFF' + stringify([table.columns, ...table.rows], { escape_formulas: true, record_delimiter: 'windows' });
}

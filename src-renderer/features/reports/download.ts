import { toCsv, type TableData } from './csv';

/** Saved as a download: the browser's in the web shell, Electron's save dialog in the desktop app. */
export function downloadCsv(fileName: string, table: TableData): void {
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

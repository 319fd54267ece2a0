import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export of a table behind a chart', () => {
  it('a cell typed by a person that starts like a formula is neutralised; numbers, Chinese and Thai stay as they are', () => {
    const csv = toCsv({
      columns: ['日期', 'แท็ก', 'count'],
      rows: [
        ['2026-03-03', '=HYPERLINK("http://x","y")', 3],
        ['2026-03-04', '+1 agent', 2],
        ['2026-03-05', '-policy', 1],
        ['2026-03-06', '@cmd', 0],
        ['2026-03-07', '培训不足, "新人"', -1],
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF日期,แท็ก,count',
      `2026-03-03,"'=HYPERLINK(""http://x"",""y"")",3`,
      "2026-03-04,'+1 agent,2",
      "2026-03-05,'-policy,1",
      "2026-03-06,'@cmd,0",
      '2026-03-07,"培训不足, ""新人""",-1',
      '',
    ]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { KbSearch } from './kb-search';
import { sampleKbDb } from './sample-kb.test-helper';
import { parseSearchQuery } from '../../../src-shared/text/search-query';

// The segmenter reads 补开发票 ("issue the invoice again") as 补 / 开发 ("develop") / 票: the words typed are not the
// article's words. Its character pairs (补开, 开发, 发票) hold the article's 发票.
describe('KbSearch reads a Chinese query as character pairs when its segmented words find little', () => {
  let search: KbSearch;
  beforeAll(() => {
    search = new KbSearch(sampleKbDb());
  });
  const first = (q: string, locale: 'zh-CN' | 'zh-TW') => search.search(q, { locale, limit: 5 })[0]?.id;

  it.each([
    ['zh-CN', '补开发票', 'kb-invoice-request-zh-CN'],
    ['zh-CN', '查积分', 'kb-loyalty-points-zh-CN'],
    ['zh-TW', '退差額', 'kb-price-protection-zh-TW'],
  ] as const)('%s: %j finds %s first', (locale, q, id) => {
    expect(first(q, locale)).toBe(id);
  });

  it('keeps a query the segmenter cut well as it was', () => {
    expect(first('退款', 'zh-CN')).toBe('kb-refund-timeline-zh-CN');
    expect(first('修改收货地址', 'zh-CN')).toBe('kb-address-change-zh-CN');
  });

  it('parses the Chinese typed without a break as whole runs', () => {
    expect(parseSearchQuery('补开发票 eSIM 换卡', 'zh-CN')!.hanRuns).toEqual(['补开发票', '换卡']);
  });
});

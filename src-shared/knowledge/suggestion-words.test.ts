import { describe, expect, it } from 'vitest';
import { categoryCandidates, suggestionWords } from './suggestion-words';

describe('suggestionWords', () => {
  it('takes the queue and the IVR path words, leaving out menu plumbing', () => {
    expect(suggestionWords('complaints', 'main>orders>complaint')).toEqual(['complaints', 'orders', 'complaint']);
  });
  it('copes with missing routing data and any separator', () => {
    expect(suggestionWords(null, null)).toEqual([]);
    expect(suggestionWords('Billing', 'main / billing-dispute')).toEqual(['billing', 'dispute']);
    expect(suggestionWords('投诉', '主菜单>退款')).toEqual(['投诉', '主菜单', '退款']);
  });
});

describe('categoryCandidates', () => {
  it('offers singular and plural of each word', () => {
    expect(categoryCandidates(['complaints', 'order'])).toEqual(['complaints', 'complaint', 'order', 'orders']);
  });
});

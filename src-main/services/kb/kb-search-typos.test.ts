import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { KbRepo } from './kb-repo';
import { KbSearch } from './kb-search';
import { sampleKbDb } from './sample-kb.test-helper';

// An agent typing while the customer talks: one letter slipped, two swapped, one left out.
describe('KbSearch corrects a Latin or Thai word the index does not know (sample articles)', () => {
  let db: Db;
  let search: KbSearch;
  beforeAll(() => {
    db = sampleKbDb();
    search = new KbSearch(db);
  });
  const top = (q: string, locale: 'en' | 'th', n = 3) => search.search(q, { locale, limit: 5 }).slice(0, n).map((h) => h.id);

  it.each([
    ['refnud', 'kb-refund-timeline-en'], // swapped letters count as one edit
    ['pasword', 'kb-password-reset-en'], // a letter left out
    ['invoise request', 'kb-invoice-request-en'], // a letter slipped
    ['warrenty', 'kb-warranty-repair-en'],
    ['damaegd', 'kb-damaged-package-en'],
    ['cancelation', 'kb-order-cancellation-en'], // 11 letters: two edits allowed
    ['overheatign', 'kb-charging-overheating-en'],
    ['roamnig', 'kb-roaming-en'], // the last word, still "being typed", corrected too
  ])('en: %j finds %s first', (q, id) => {
    expect(top(q, 'en')[0]).toBe(id);
  });

  it.each([
    ['สูญหย', 'kb-lost-parcel-th'], // a vowel left out
    ['ประกนั', 'kb-warranty-repair-th'], // two letters swapped
    ['ดาวน์เกรค', 'kb-plan-change-th'], // a letter slipped
  ])('th: %j finds %s first', (q, id) => {
    expect(top(q, 'th')[0]).toBe(id);
  });

  it('th: a word the segmenter cut in two for its typo (ยกเลก → ยก เลก) still finds the cancellation articles', () => {
    expect(top('ยกเลก', 'th', 2).sort()).toEqual(['kb-cancel-plan-th', 'kb-order-cancellation-th']);
  });

  it('ranks a corrected word below the word typed right', () => {
    const right = search.search('warranty', { locale: 'en' })[0]!;
    const slipped = search.search('warrenty', { locale: 'en' })[0]!;
    expect(slipped.id).toBe(right.id);
    expect(slipped.score).toBeLessThan(right.score);
  });

  it('leaves words too short or too far from any known word uncorrected', () => {
    expect(search.search('xqz', { locale: 'en' })).toEqual([]);
    // Two edits from "refund" in a word of four letters: more than a slip.
    expect(search.search('rfnd ', { locale: 'en' })).toEqual([]);
  });

  it('keeps the half-typed last word a prefix', () => {
    expect(top('passw', 'en')).toContain('kb-password-reset-en');
    expect(top('warran', 'en')).toContain('kb-warranty-repair-en');
  });

  it('learns words an import adds (the vocabulary is read again when the index changed)', () => {
    expect(top('zephyrine', 'en')).toEqual([]);
    new KbRepo(db).upsert({ externalId: 'new-en', locale: 'en', title: 'Zephyrine headset pairing', body: 'Pair it.', tags: [], category: null });
    expect(top('zephyrnie', 'en')).toEqual(['new-en']);
  });
});

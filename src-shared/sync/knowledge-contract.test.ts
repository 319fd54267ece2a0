import { describe, expect, it } from 'vitest';
import { checkKnowledgeRecord, KnowledgeChange, PublishRequest } from './knowledge-contract';
import { Mutation } from './contract';

const article = { id: 'KB-1', locale: 'en', title: 'Refund for a double charge', body: 'Refund the second charge within 3 days.', tags: 'billing;refund' };

describe('knowledge records', () => {
  it('an article is checked by the importer\'s own schema (one schema for import and publish)', () => {
    const r = checkKnowledgeRecord('article', article);
    expect(r).toEqual({ ok: true, key: { id: 'KB-1', locale: 'en' }, record: { ...article, tags: ['billing', 'refund'], category: null } });
  });

  it('a bad record says which field is wrong and why', () => {
    expect(checkKnowledgeRecord('article', { ...article, title: '' })).toEqual({ ok: false, reason: 'title: title is required' });
    const r = checkKnowledgeRecord('article', { ...article, locale: 'fr' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^locale: /);
  });

  it('text with a NUL is refused before it reaches PostgreSQL', () => {
    expect(checkKnowledgeRecord('article', { ...article, body: 'a\u0000b' })).toEqual({ ok: false, reason: 'text cannot contain a NUL character' });
  });

  it('a coach rule is written for the language its id starts with; dispositions and reasons are codes', () => {
    const rule = {
      id: 'en.you-have-to',
      category: 'demand',
      patterns: ['you have to'],
      suggestion: 'could you please',
      examples: { flag: ['[[you have to]] restart it'], pass: ['we have to check'] },
    };
    const checked = checkKnowledgeRecord('coachRule', rule);
    expect(checked.ok ? checked.key : checked.reason).toEqual({ id: 'en.you-have-to', locale: 'en' });
    expect(checkKnowledgeRecord('disposition', { code: 'refund-issued' })).toMatchObject({ ok: true, key: { id: 'refund-issued', locale: '' } });
    expect(checkKnowledgeRecord('notReadyReason', { code: 'Lunch Break' }).ok).toBe(false);
  });

  it('a disposition or reason may carry the team\'s words per language, capped; nothing else', () => {
    expect(checkKnowledgeRecord('notReadyReason', { code: 'system-down', labels: { en: 'System down', th: 'ระบบล่ม' } })).toMatchObject({ ok: true, record: { labels: { en: 'System down', th: 'ระบบล่ม' } } });
    expect(checkKnowledgeRecord('disposition', { code: 'refund-issued', labels: { fr: 'Remboursé' } }).ok).toBe(false);
    expect(checkKnowledgeRecord('disposition', { code: 'refund-issued', labels: { en: 'x'.repeat(65) } }).ok).toBe(false);
    expect(checkKnowledgeRecord('disposition', { code: 'refund-issued', colour: 'red' }).ok).toBe(false);
  });

  it('a coach rule is held to its own examples: one that misses a marked passage or flags a pass sentence is refused', () => {
    const rule = { id: 'en.no-worries', category: 'condescending', patterns: ['\\bno worries\\b'], suggestion: 'Certainly.', examples: { flag: ['[[No worries]], I will fix it.'], pass: ['Nothing to worry about.'] } };
    expect(checkKnowledgeRecord('coachRule', rule).ok).toBe(true);
    expect(checkKnowledgeRecord('coachRule', { ...rule, examples: { ...rule.examples, pass: ['no worries at all'] } })).toEqual({ ok: false, reason: 'examples.pass: "no worries at all" is flagged' });
    expect(checkKnowledgeRecord('coachRule', { ...rule, examples: { ...rule.examples, flag: ['No [[worries]], I will fix it.'] } })).toEqual({
      ok: false,
      reason: 'examples.flag: "No [[worries]], I will fix it." is not flagged where it is marked',
    });
  });

  it('a publish request needs something to publish, at most 500 records, and a known kind', () => {
    expect(PublishRequest.safeParse({ kind: 'article', records: [] }).success).toBe(false);
    expect(PublishRequest.safeParse({ kind: 'article', records: Array.from({ length: 501 }, () => article) }).success).toBe(false);
    expect(PublishRequest.safeParse({ kind: 'customer', records: [article] }).success).toBe(false);
    expect(PublishRequest.parse({ kind: 'article', retire: [{ id: 'KB-1' }] }).retire).toEqual([{ id: 'KB-1', locale: '' }]);
  });

  it('a retired record travels as a change without data; a helped mark is a mutation like the others', () => {
    expect(KnowledgeChange.safeParse({ seq: 3, kind: 'article', id: 'KB-1', locale: 'en', retired: true, data: null }).success).toBe(true);
    const mark = { kind: 'kb.helped', id: '5f0b6a53-3f0e-4f7a-9d5e-0a6f2b7c9e11', articleId: 'KB-1', contactId: null, helped: true, at: 1 };
    expect(Mutation.parse(mark)).toEqual(mark);
    expect(Mutation.safeParse({ ...mark, id: 'not-a-uuid' }).success).toBe(false);
  });
});

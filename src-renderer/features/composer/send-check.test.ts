import { describe, expect, it } from 'vitest';
import { fillText, lintReply, shippedTemplates } from '../../../src-shared/replies';
import { placeholderDataFrom } from './placeholder-data';
import { rewriteDraft } from './rewrite';
import { sendCheck } from './send-check';

const wang = {
  kind: 'known' as const,
  number: '+8613812345678',
  customer: { id: 1, externalId: 'CUST-1001', name: '王小明', tier: 'vip' as const, preferredLanguage: 'zh-CN' as const, phones: [], tags: [], notes: '' },
  recentContacts: [],
  openWorkOrders: [],
  serviceRecovery: null,
};

describe('placeholderDataFrom', () => {
  it('fills the caller, the agent and the work order; leaves unknowns out', () => {
    expect(placeholderDataFrom(wang, 'Li Na', { id: 'WO-1', callbackNumber: '+8613812345678', callbackTime: null })).toEqual({
      'customer.name': '王小明',
      'agent.name': 'Li Na',
      'workOrder.id': 'WO-1',
      'callback.number': '+8613812345678',
    });
    expect(placeholderDataFrom(null, null)).toEqual({});
  });
});

describe('sendCheck', () => {
  it('lists an unfilled placeholder by its label, never as braces, until the agent replaces it', () => {
    const late = shippedTemplates().find((t) => t.id === 'late-delivery' && t.locale === 'en')!;
    const filled = fillText(late.body, placeholderDataFrom(wang, 'Li Na'), 'en');
    expect(filled.text).not.toMatch(/\{\{/);
    const markers = filled.gaps.map((g) => ({ label: g.label, marker: filled.text.slice(g.start, g.end) }));
    expect(markers.length).toBeGreaterThan(0);
    const problems = sendCheck(filled.text, lintReply(filled.text, 'en'), markers);
    expect(problems.filter((p) => p.kind === 'placeholder').map((p) => p.kind === 'placeholder' && p.label)).toEqual(
      [...new Set(markers.map((m) => m.label))].filter((l) => markers.some((m) => m.label === l)),
    );
    let edited = filled.text;
    for (const m of markers) edited = edited.replaceAll(m.marker, 'X1');
    expect(sendCheck(edited, lintReply(edited, 'en'), markers).some((p) => p.kind === 'placeholder')).toBe(false);
  });

  it('reports a missing Thank and a "you have to", and the rewrite removes the finding', () => {
    const draft = 'I understand the parcel is late. I am sorry. You have to wait until Friday.';
    const lint = lintReply(draft, 'en');
    const problems = sendCheck(draft, lint, []);
    expect(problems.some((p) => p.kind === 'latte' && p.step === 'thank')).toBe(true);
    const coach = lint.findings.find((f) => /have to/i.test(draft.slice(f.start, f.end)))!;
    const rewritten = rewriteDraft(draft, coach)!;
    expect(lintReply(rewritten, 'en').findings.some((f) => f.rule === coach.rule)).toBe(false);
  });

  it('says an empty reply is not ready', () => {
    expect(sendCheck('  ', lintReply('', 'en'), [])).toEqual([{ kind: 'empty' }]);
  });
});

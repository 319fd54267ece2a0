import { describe, expect, it } from 'vitest';
import { coachReply } from '../../../src-shared/replies';
import { quotedPhrase, rewriteDraft } from './rewrite';

function rewriteFirst(draft: string, locale: 'en' | 'zh-CN' | 'th') {
  const [finding] = coachReply(draft, locale);
  expect(finding, draft).toBeDefined();
  return rewriteDraft(draft, finding!);
}

describe('rewriteDraft', () => {
  it('swaps "you have to" for the suggested stem and keeps the rest of the sentence', () => {
    expect(rewriteFirst('You have to wait until Friday.', 'en')).toBe("Let's wait until Friday.");
    expect(rewriteFirst('Sorry, then you have to restart it.', 'en')).toBe("Sorry, then let's restart it.");
  });

  it("uses the rule's own replacement when it has one", () => {
    expect(rewriteFirst('I need you to read me the order number.', 'en')).toBe('Could you please read me the order number.');
  });

  it('replaces the sentence when the suggestion is a whole sentence', () => {
    expect(rewriteFirst('Thanks for waiting. Calm down, please. I will fix it.', 'en')).toBe(
      'Thanks for waiting. I can hear how frustrating this has been. I will fix it.',
    );
  });

  it('rewrites Chinese and Thai too', () => {
    const zh = rewriteFirst('您必须先重启路由器。', 'zh-CN');
    expect(zh).not.toBeNull();
    expect(coachReply(zh!, 'zh-CN').some((f) => f.rule === 'zh-CN.must')).toBe(false);
    expect(rewriteFirst('คุณต้องรีสตาร์ทเครื่องก่อน', 'th')).not.toBeNull();
  });

  it('finds the quoted phrase in either quote style', () => {
    expect(quotedPhrase('Invite instead: "Let\'s …" or "Could you please …"')).toBe("Let's …");
    expect(quotedPhrase('改为邀请：“麻烦您……，我来帮您……”')).toBe('麻烦您……，我来帮您……');
    expect(quotedPhrase('no quote')).toBeNull();
  });
});

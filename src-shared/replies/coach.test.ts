import { describe, expect, it } from 'vitest';
import type { Locale } from '../domain/screen-pop';
import { coachReply, compileRuleSet } from './coach';
import { CoachRuleSet } from './coach-rule';

/** [draft, the rules it must trip (none: a friendly reply that must stay quiet)]. */
type Case = [string, string[]];

const cases: Record<Locale, Case[]> = {
  en: [
    ["You have to restart it, it's company policy.", ['en.you-have-to', 'en.policy']],
    ['I need you to send me a photo of the label.', ['en.need-you-to']],
    ["Unfortunately we can't refund opened items.", ['en.cannot']],
    ["I'm unable to change the delivery address.", ['en.cannot']],
    ["That's not my department, you'll need to call billing.", ['en.not-my-department', 'en.you-have-to']],
    ['My manager will call you back tomorrow.', ['en.my-manager-will']],
    ["You should've checked the size before ordering.", ['en.should-have']],
    ["Calm down, sir, I'm trying to help.", ['en.calm-down']],
    ['As I already said, the refund takes five days.', ['en.as-i-said']],
    ["I don't know when the courier will come.", ['en.dont-know']],
    ["It's not our fault the courier lost it.", ['en.not-our-fault']],
    ['The blue one won’t be available for weeks, so I can’t order it.', ['en.not-available', 'en.cannot']],
    ['I can help you with this right now.', []],
    ["I can't wait for you to try the new model!", []],
    ['I cannot thank you enough for your patience today.', []],
    ["If you can't find the order number, I can look it up by your phone number.", []],
    ["You must be so tired of waiting — let's get this sorted now.", []],
    ['Here is everything you need to know about returning it.', []],
    ["You don't have to send anything back.", []],
    ['You should have the replacement by Friday.', []],
    ['Our policy lets me refund the shipping as well.', []],
    ["Thanks to your photos, I've already arranged a replacement.", []],
    ["I understand you can't log in, so I've reset your password.", []],
    ["Let's restart the router together, and I'll stay on the line.", []],
  ],
  'zh-CN': [
    ['您必须先提供发票，不然我们不能处理。', ['zh-CN.must', 'zh-CN.cannot']],
    ['这个真的没办法，系统就是这样。', ['zh-CN.no-way']],
    ['发票的事不归我们管，您打财务电话吧。', ['zh-CN.not-our-department']],
    ['这是公司规定，我也没办法。', ['zh-CN.policy', 'zh-CN.no-way']],
    ['您当时就应该先检查一下包裹。', ['zh-CN.should-have']],
    ['我们主管会给您回电的。', ['zh-CN.my-manager']],
    ['我不知道包裹现在在哪里。', ['zh-CN.dont-know']],
    ['您先冷静一下，听我说。', ['zh-CN.calm-down']],
    ['我不是说了要等三个工作日吗？', ['zh-CN.as-i-said']],
    ['这款耳机暂时没货。', ['zh-CN.out-of-stock']],
    ['延误不是我们的错，是快递的问题。', ['zh-CN.not-our-fault']],
    ['拆封后的商品不能退。', ['zh-CN.cannot']],
    ['我来帮您处理，今天就给您补发。', []],
    ['能不能麻烦您提供一下订单号？', []],
    ['了解到您的账号不能登录，我已经为您重置了密码。', []],
    ['如果您没办法接听电话，我会发短信给您。', []],
    ['您应该会在周五前收到新的包裹。', []],
    ['这不能怪您，我马上为您补发。', []],
    ['我们一起来看看怎么解决。', []],
    ['按照退款流程，我会在24小时内为您退回。', []],
    ['我们不能让您白跑一趟，我来安排上门取件。', []],
    ['谢谢您的耐心，我已经为您申请了加急配送。', []],
  ],
  'zh-TW': [
    ['您必須先提供發票，不然我們不能處理。', ['zh-TW.must', 'zh-TW.cannot']],
    ['這個真的沒辦法，系統就是這樣。', ['zh-TW.no-way']],
    ['發票的事不歸我們管。', ['zh-TW.not-our-department']],
    ['這是公司規定，我也沒辦法。', ['zh-TW.policy', 'zh-TW.no-way']],
    ['您當時就應該先檢查一下包裹。', ['zh-TW.should-have']],
    ['我們主管會再回電給您。', ['zh-TW.my-manager']],
    ['我不知道包裹現在在哪裡。', ['zh-TW.dont-know']],
    ['您先冷靜一下。', ['zh-TW.calm-down']],
    ['我不是說了要等三個工作天嗎？', ['zh-TW.as-i-said']],
    ['這款耳機暫時缺貨。', ['zh-TW.out-of-stock']],
    ['延誤不是我們的錯。', ['zh-TW.not-our-fault']],
    ['請您去找其他部門詢問。', ['zh-TW.not-our-department']],
    ['我來幫您處理，今天就幫您重新寄出。', []],
    ['能不能麻煩您提供一下訂單編號？', []],
    ['了解您的帳號不能登入，我已經幫您重設密碼。', []],
    ['如果您沒辦法接聽電話，我會傳簡訊給您。', []],
    ['您應該會在週五前收到新的包裹。', []],
    ['這不能怪您，我馬上幫您重新寄出。', []],
    ['我們一起來看看怎麼解決。', []],
    ['謝謝您的耐心，我已經幫您申請加急配送。', []],
    ['我們不能讓您白跑一趟，我來安排到府收件。', []],
    ['這件事本來不應該發生，非常抱歉。', []],
  ],
  th: [
    ['คุณต้องส่งใบเสร็จมาก่อนค่ะ', ['th.you-must']],
    ['ดิฉันไม่สามารถคืนเงินให้ได้ค่ะ', ['th.cannot']],
    ['เรื่องนี้ทำไม่ได้จริงๆ ค่ะ', ['th.cannot']],
    ['เรื่องใบกำกับภาษีไม่ใช่หน้าที่ของเราค่ะ', ['th.not-my-duty']],
    ['ขออภัยค่ะ เป็นนโยบายของบริษัท', ['th.policy']],
    ['คุณควรตรวจสอบขนาดก่อนสั่งซื้อนะคะ', ['th.should-have']],
    ['ผู้จัดการจะโทรกลับหาคุณพรุ่งนี้ค่ะ', ['th.my-manager']],
    ['ดิฉันไม่ทราบว่าพัสดุอยู่ที่ไหนค่ะ', ['th.dont-know']],
    ['คุณลูกค้าใจเย็นๆ นะคะ', ['th.calm-down']],
    ['อย่างที่ดิฉันบอกไปแล้ว ต้องรอ 5 วันค่ะ', ['th.as-i-said']],
    ['รุ่นนี้สินค้าหมดค่ะ', ['th.out-of-stock']],
    ['พัสดุล่าช้าไม่ใช่ความผิดของเราค่ะ', ['th.not-our-fault']],
    ['ดิฉันยินดีช่วยค่ะ เดี๋ยวดิฉันตรวจสอบให้ทันทีนะคะ', []],
    ['คุณต้องการให้ดิฉันช่วยอะไรเพิ่มเติมไหมคะ', []],
    ['ขออภัยที่ทำให้คุณต้องรอนานนะคะ', []],
    ['หากคุณไม่สามารถหาใบเสร็จได้ ดิฉันจะค้นให้เองค่ะ', []],
    ['ดิฉันทราบว่าคุณไม่สามารถเข้าสู่ระบบได้ ดิฉันรีเซ็ตรหัสผ่านให้แล้วค่ะ', []],
    ['คุณไม่ต้องกังวลนะคะ ดิฉันจะดูแลให้เอง', []],
    ['คุณควรได้รับพัสดุภายในวันศุกร์นี้ค่ะ', []],
    ['ไม่ทราบว่าคุณสะดวกให้โทรกลับช่วงไหนคะ', []],
    ['เป็นนโยบายของเราที่จะคืนเงินเต็มจำนวนเมื่อสินค้าเสียหายค่ะ', []],
    ['ขอบคุณที่ใจเย็นรอสายนะคะ', []],
    ['การตามพัสดุไม่ใช่หน้าที่ของคุณค่ะ ดิฉันจะตามให้เอง', []],
  ],
};

describe.each(Object.keys(cases) as Locale[])('positive-language coach, %s', (locale) => {
  it.each(cases[locale])('%s', (draft, rules) => {
    const found = coachReply(draft, locale);
    expect([...new Set(found.map((f) => f.rule))].sort()).toEqual([...rules].sort());
    for (const f of found) expect(draft.slice(f.start, f.end).length).toBeGreaterThan(0);
  });

  it('has at least 15 cases, both ones to flag and ones to leave alone', () => {
    expect(cases[locale].length).toBeGreaterThanOrEqual(15);
    expect(cases[locale].filter(([, rules]) => rules.length === 0).length).toBeGreaterThanOrEqual(7);
    expect(cases[locale].filter(([, rules]) => rules.length > 0).length).toBeGreaterThanOrEqual(7);
  });
});

describe('coach findings', () => {
  it('give UTF-16 offsets into the draft as typed', () => {
    const draft = '😀 Hi! You have to wait.';
    const [finding] = coachReply(draft, 'en');
    expect(finding).toMatchObject({ start: 7, end: 18, rule: 'en.you-have-to', category: 'demand' });
    expect(draft.slice(finding!.start, finding!.end)).toBe('You have to');
  });

  it('are ordered by position and carry a suggestion', () => {
    const found = coachReply("It's company policy. I need you to sign, and my manager will call.", 'en');
    expect(found.map((f) => f.rule)).toEqual(['en.policy', 'en.need-you-to', 'en.my-manager-will']);
    for (const f of found) expect(f.suggestion).not.toBe('');
  });

  it('offer a drop-in replacement only where one fits, capitalised at a sentence start', () => {
    const [start] = coachReply('I need you to read me the code.', 'en');
    expect(start?.replacement).toBe('Could you please');
    const [middle] = coachReply('First, so we are sure, I need you to read me the code.', 'en');
    expect(middle?.replacement).toBe('could you please');
    const [manager] = coachReply('Then my supervisor will approve it.', 'en');
    expect(manager?.replacement).toBe('I');
    expect(coachReply("I can't refund it.", 'en')[0]?.replacement).toBeUndefined();
  });

  it("explain themselves in the agent's UI language, not the reply's", () => {
    const [zh] = coachReply('You have to wait.', 'en', { uiLocale: 'zh-CN' });
    expect(zh?.message).toMatch(/命令/u);
    const [th] = coachReply('您必须等一下。', 'zh-CN', { uiLocale: 'th' });
    expect(th?.message).toMatch(/คำสั่ง/u);
    expect(th?.suggestion).toMatch(/您/u);
  });

  it('use a rule set a team lead extends, with exceptions as data', () => {
    const rules = compileRuleSet(
      CoachRuleSet.parse({
        locale: 'en',
        rules: [
          {
            id: 'en.no-problem',
            category: 'negative-frame',
            patterns: ['\\bno problem\\b'],
            exceptions: ['\\bno problem at all\\b'],
            suggestion: '"Happy to help"',
            message: { en: 'Say it positively.' },
            examples: { flag: ['[[No problem]].'], pass: ['Happy to help.'] },
          },
        ],
      }),
    );
    expect(coachReply('No problem, sir.', 'en', { rules })).toMatchObject([{ rule: 'en.no-problem', message: 'Say it positively.' }]);
    expect(coachReply('No problem at all!', 'en', { rules })).toEqual([]);
  });

  it('reject rule files that would mislead', () => {
    const rule = { id: 'en.x', category: 'demand', patterns: ['x'], suggestion: 'y', examples: { flag: ['[[x]]'], pass: ['y'] } };
    expect(CoachRuleSet.safeParse({ locale: 'en', rules: [rule] }).success).toBe(true);
    expect(CoachRuleSet.safeParse({ locale: 'th', rules: [rule] }).success).toBe(false);
    expect(CoachRuleSet.safeParse({ locale: 'en', rules: [rule, rule] }).success).toBe(false);
    expect(CoachRuleSet.safeParse({ locale: 'en', rules: [{ ...rule, patterns: ['(unclosed'] }] }).success).toBe(false);
    expect(CoachRuleSet.safeParse({ locale: 'en', rules: [{ ...rule, patterns: ['a*'] }] }).success).toBe(false);
    expect(CoachRuleSet.safeParse({ locale: 'en', rules: [{ ...rule, examples: { flag: ['x'], pass: ['y'] } }] }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Locale } from '../domain/screen-pop';
import { checkLatte, latteCoverage } from './latte';
import { latteSteps, type LatteStep } from './latte-step';

const ALL: LatteStep[] = [...latteSteps];

/** [draft, the LATTE steps it covers]. */
type Case = [string, LatteStep[]];

const cases: Record<Locale, Case[]> = {
  en: [
    ["Hi Sarah, I understand your parcel hasn't arrived, and I'm sorry. I've sent a replacement today. Thank you for letting us know. It should arrive by Friday.", ALL],
    ['Thanks for calling.', ['thank']],
    ["I'm so sorry about that.", ['acknowledge']],
    ['You mentioned the box was dented.', ['listen']],
    ["I'll refund the delivery fee now.", ['takeAction']],
    ['The refund usually takes 3–5 working days.', ['explain']],
    ['Your order is on its way.', []],
    ["I'll be honest with you.", []],
    ['Thanks to the courier delay, the parcel is late.', []],
    ["From what you've described, the charger stopped working after a week, which is really frustrating.", ['listen', 'acknowledge']],
    ['Let me check that for you, because the tracking shows two parcels.', ['takeAction', 'explain']],
    ['I appreciate your patience.', ['thank']],
    ["I can see the order went to the wrong address. I'm sorry, I've already reordered it, and you'll get a confirmation email within the hour. Thanks for bearing with me.", ALL],
    ["I can't imagine how stressful that was.", ['acknowledge']],
    ["We'll cover the return shipping so you don't pay anything.", ['takeAction', 'explain']],
    ["So you're saying the discount code didn't apply at checkout?", ['listen']],
    ['Sorry for the wait, thank you for holding.', ['acknowledge', 'thank']],
  ],
  'zh-CN': [
    ['了解到您的包裹还没收到，非常抱歉。我已经为您补发，预计周五送达。感谢您的耐心。', ALL],
    ['谢谢您的来电。', ['thank']],
    ['不好意思，让您久等了。', ['acknowledge']],
    ['您提到耳机充不进电。', ['listen']],
    ['我马上为您申请退款。', ['takeAction']],
    ['退款会在3到5个工作日内到账。', ['explain']],
    ['您的订单正在配送中。', []],
    ['不用谢，这是我应该做的。', []],
    ['听您的描述，这个问题确实让人着急。', ['listen', 'acknowledge']],
    ['我来帮您查一下，因为系统显示有两笔付款。', ['takeAction', 'explain']],
    ['我已经说过了，退款需要时间。', []],
    ['理解您的心情，换作是我也会着急。', ['acknowledge']],
    ['我看到您的订单地址填错了，很抱歉，我已经帮您改好了，新的包裹预计明天到，您会收到短信通知。谢谢您告诉我们。', ALL],
    ['感谢您的耐心等待。', ['thank']],
    ['请稍等，帮您查询一下。', ['takeAction']],
    ['这样您就不用再跑一趟了。', ['explain']],
  ],
  'zh-TW': [
    ['了解您的包裹還沒收到，非常抱歉。我已經幫您重新寄出，預計週五送達。謝謝您的耐心。', ALL],
    ['謝謝您的來電。', ['thank']],
    ['不好意思，讓您久等了。', ['acknowledge']],
    ['您提到耳機充不了電。', ['listen']],
    ['我馬上幫您申請退款。', ['takeAction']],
    ['退款會在3到5個工作天內入帳。', ['explain']],
    ['您的訂單正在配送中。', []],
    ['不客氣，這是我應該做的。', []],
    ['聽您的描述，這個問題確實讓人著急。', ['listen', 'acknowledge']],
    ['我來幫您查一下，因為系統顯示有兩筆付款。', ['takeAction', 'explain']],
    ['我已經說過了，退款需要時間。', []],
    ['理解您的心情，換作是我也會著急。', ['acknowledge']],
    ['我看到您的訂單地址填錯了，很抱歉，我已經幫您改好了，新的包裹預計明天到，您會收到簡訊通知。謝謝您告訴我們。', ALL],
    ['謝謝您耐心等候。', ['thank']],
    ['請稍候，幫您查詢一下。', ['takeAction']],
    ['這樣您就不用再跑一趟了。', ['explain']],
  ],
  th: [
    ['ดิฉันทราบว่าพัสดุยังไม่ถึง ขออภัยนะคะ ดิฉันได้ส่งสินค้าใหม่ให้แล้ว คาดว่าจะถึงวันศุกร์ ขอบคุณที่แจ้งเข้ามาค่ะ', ALL],
    ['ขอบคุณที่โทรมานะคะ', ['thank']],
    ['ขออภัยที่ให้รอนานค่ะ', ['acknowledge']],
    ['คุณแจ้งว่ากล่องบุบมา', ['listen']],
    ['ดิฉันจะคืนค่าจัดส่งให้ค่ะ', ['takeAction']],
    ['เงินจะเข้าบัญชีภายใน 3–5 วันทำการค่ะ', ['explain']],
    ['พัสดุของคุณอยู่ระหว่างจัดส่งค่ะ', []],
    ['ไม่ทราบว่าคุณสะดวกคุยตอนนี้ไหมคะ', []],
    ['จากที่คุณเล่ามา เป็นเรื่องที่น่าหงุดหงิดจริงๆ ค่ะ', ['listen', 'acknowledge']],
    ['ดิฉันขอตรวจสอบให้นะคะ เนื่องจากระบบแสดงการชำระเงินสองรายการ', ['takeAction', 'explain']],
    ['ผมขอโทษครับ', ['acknowledge']],
    ['ดิฉันเข้าใจความรู้สึกของคุณค่ะ', ['acknowledge']],
    ['ดิฉันเห็นว่าที่อยู่ในคำสั่งซื้อไม่ถูกต้อง ขออภัยค่ะ ดิฉันแก้ไขให้เรียบร้อยแล้ว คุณจะได้รับ SMS ยืนยันภายในหนึ่งชั่วโมง ขอบคุณที่แจ้งเราค่ะ', ALL],
    ['ขอบคุณที่อดทนรอนะคะ', ['thank']],
    ['รอสักครู่นะคะ ดิฉันกำลังตรวจสอบให้', ['takeAction']],
    ['คุณจะได้ไม่ต้องเดินทางไปส่งเองค่ะ', ['explain']],
    ['ผมได้ยินว่าสินค้ามีปัญหา', ['listen']],
  ],
};

describe.each(Object.keys(cases) as Locale[])('LATTE check, %s', (locale) => {
  it.each(cases[locale])('%s', (draft, covered) => {
    const expected = Object.fromEntries(latteSteps.map((s) => [s, covered.includes(s)]));
    expect(latteCoverage(checkLatte(draft, locale))).toEqual(expected);
  });

  it('has at least 15 cases', () => expect(cases[locale].length).toBeGreaterThanOrEqual(15));
});

describe('LATTE report', () => {
  it('points at the evidence with UTF-16 offsets into the draft', () => {
    const draft = '🙂 非常抱歉，我已经为您补发。';
    const report = checkLatte(draft, 'zh-CN');
    const ack = report.steps.acknowledge;
    expect(ack.covered).toBe(true);
    if (ack.covered) {
      expect(ack.evidence).toEqual({ start: 5, end: 7, text: '抱歉' });
      expect(draft.slice(ack.evidence.start, ack.evidence.end)).toBe('抱歉');
    }
  });

  it("gives a hint in the agent's UI language and an example in the reply's language for each missing step", () => {
    const report = checkLatte('ขอบคุณที่โทรมานะคะ', 'th', { uiLocale: 'en' });
    expect(report.missing).toEqual(['listen', 'acknowledge', 'takeAction', 'explain']);
    const listen = report.steps.listen;
    expect(listen.covered).toBe(false);
    if (!listen.covered) {
      expect(listen.hint).toMatch(/restate/u);
      expect(listen.example).toMatch(/ทราบ/u);
    }
  });

  it('defaults the UI language to the reply language', () => {
    const explain = checkLatte('谢谢。', 'zh-TW').steps.explain;
    expect(explain.covered ? '' : explain.hint).toMatch(/說明/u);
  });

  it('is empty-safe', () => expect(checkLatte('', 'en').missing).toEqual(latteSteps));
});

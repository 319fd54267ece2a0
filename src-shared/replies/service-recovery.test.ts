import { describe, expect, it } from 'vitest';
import { createRecoveryFollowUp, DEFAULT_FOLLOW_UP_DAYS, FollowUpTask, serviceRecoveryGuide } from './service-recovery';
import { locales } from './test-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2024, 4, 20, 9, 30);
const clock = () => now;

describe('serviceRecoveryGuide', () => {
  it.each(locales)('lists the four steps in order, titles in the UI language (%s), phrases in the customer’s', (uiLocale) => {
    const guide = serviceRecoveryGuide({ uiLocale, customerLocale: 'th' });
    expect(guide.steps.map((s) => s.id)).toEqual(['acknowledge', 'understand', 'solve', 'follow-up']);
    for (const step of guide.steps) {
      expect(step.title).not.toBe('');
      expect(step.checklist.length).toBeGreaterThan(0);
      expect(step.phrases.length).toBeGreaterThan(0);
      for (const phrase of step.phrases) expect(phrase).toMatch(/\p{Script=Thai}/u);
    }
    expect(guide.caution).toBeUndefined();
  });

  it('tells the agent to say "I" in the first step', () => {
    const [first] = serviceRecoveryGuide({ uiLocale: 'en', customerLocale: 'en' }).steps;
    expect(first?.checklist.join(' ')).toMatch(/"I"/u);
  });

  it('warns when the customer was failed before: recovery works once', () => {
    expect(serviceRecoveryGuide({ uiLocale: 'zh-CN', customerLocale: 'zh-CN', previousRecoveryFailed: true }).caution).toMatch(/组长/u);
  });
});

describe('createRecoveryFollowUp', () => {
  it('is due three days from now by default, with a note in the UI language', () => {
    const task = createRecoveryFollowUp({ customerId: 42, workOrderId: 'WO-1088', uiLocale: 'zh-TW' }, clock);
    expect(DEFAULT_FOLLOW_UP_DAYS).toBe(3);
    expect(task).toEqual({ kind: 'service-recovery-follow-up', customerId: 42, workOrderId: 'WO-1088', dueAt: now + 3 * DAY, note: expect.stringMatching(/回訪/u) });
    expect(FollowUpTask.parse(task)).toEqual(task);
  });

  it('takes another delay and the agent’s own note, and leaves out a missing work order', () => {
    const task = createRecoveryFollowUp({ customerId: 7, dueInDays: 1.5, note: '  Check the new charger works  ' }, clock);
    expect(task).toEqual({ kind: 'service-recovery-follow-up', customerId: 7, dueAt: now + 1.5 * DAY, note: 'Check the new charger works' });
    expect('workOrderId' in task).toBe(false);
  });

  it('reads the clock once, when called', () => {
    let calls = 0;
    createRecoveryFollowUp({ customerId: 1 }, () => (calls++, now));
    expect(calls).toBe(1);
  });

  it('refuses a due date that is not in the future', () => {
    expect(() => createRecoveryFollowUp({ customerId: 1, dueInDays: 0 }, clock)).toThrow(RangeError);
    expect(() => createRecoveryFollowUp({ customerId: 1, dueInDays: Number.NaN }, clock)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { fillTemplate, fillText } from './placeholders';
import { shippedTemplates } from './shipped-data';
import { locales, sampleCallData } from './test-fixtures';

describe('fillText', () => {
  it('fills placeholders from nested or flat data, numbers included', () => {
    const filled = fillText('Hi {{customer.name}}, order {{ order.id }} in {{hold.minutes}} min.', { customer: { name: 'Sarah' }, 'order.id': 'A-1', hold: { minutes: 3 } }, 'en');
    expect(filled).toEqual({ text: 'Hi Sarah, order A-1 in 3 min.', complete: true, gaps: [] });
  });

  it('shows an unfilled or unknown placeholder to the agent as a labelled gap, never as braces', () => {
    const filled = fillText('{{customer.name}}您好，订单{{order.id}}，颜色{{order.colour}}。', { customer: { name: '王小明' } }, 'zh-CN');
    expect(filled.complete).toBe(false);
    expect(filled.text).toBe('王小明您好，订单[订单号]，颜色[order.colour]。');
    expect(filled.text).not.toMatch(/\{\{|\}\}/u);
    expect(filled.gaps).toEqual([
      { placeholder: 'order.id', reason: 'unfilled', label: '订单号', start: 8, end: 13 },
      { placeholder: 'order.colour', reason: 'unknown', label: 'order.colour', start: 16, end: 30 },
    ]);
    for (const gap of filled.gaps) expect(filled.text.slice(gap.start, gap.end)).toBe(`[${gap.label}]`);
  });

  it('labels gaps in the UI language', () => {
    expect(fillText('{{callback.time}}', {}, 'th').text).toBe('[เวลาโทรกลับ]');
    expect(fillText('{{callback.time}}', {}, 'zh-TW').text).toBe('[回電時間]');
  });

  it('treats blank, null, object and non-finite values as unfilled', () => {
    for (const value of ['', '   ', null, { x: 1 }, Number.NaN, true]) {
      expect(fillText('{{order.id}}', { order: { id: value } }, 'en').gaps[0]?.reason).toBe('unfilled');
    }
  });

  it('inserts values as text: braces in a value are not expanded again', () => {
    const filled = fillText('Hi {{customer.name}}', { customer: { name: '{{agent.name}}' }, agent: { name: 'Tom' } }, 'en');
    expect(filled.text).toBe('Hi {{agent.name}}');
    expect(filled.complete).toBe(true);
  });

  it('never reads inherited properties', () => {
    expect(fillText('{{constructor.name}} {{toString}}', {}, 'en').gaps.map((g) => g.reason)).toEqual(['unknown', 'unknown']);
  });
});

describe('fillTemplate', () => {
  it.each(locales)('fills every shipped %s template completely from call data', (locale) => {
    for (const t of shippedTemplates().filter((t) => t.locale === locale)) {
      const filled = fillTemplate(t, sampleCallData[locale], 'en');
      expect(filled.complete, t.id).toBe(true);
      expect(filled.text).not.toMatch(/\{\{|\}\}|\[/u);
    }
  });

  it('with no data, leaves one marker per placeholder occurrence', () => {
    const t = shippedTemplates().find((t) => t.id === 'double-charge' && t.locale === 'en')!;
    const filled = fillTemplate(t, {}, 'en');
    expect(filled.gaps.map((g) => g.placeholder)).toEqual(['customer.name', 'order.id', 'charge.amount', 'charge.amount']);
  });
});

import { describe, expect, it } from 'vitest';
import { coachReply } from './coach';
import { checkLatte } from './latte';
import { latteSteps } from './latte-step';
import { fillText, isKnownPlaceholder } from './placeholders';
import { shippedRecoveryPhrases, shippedTemplates } from './shipped-data';
import { knownScenarios, placeholdersIn } from './template';
import { locales, sampleCallData } from './test-fixtures';

const templates = shippedTemplates();

describe('shipped templates', () => {
  it('come in all four locales, each id once per locale', () => {
    const ids = new Set(templates.map((t) => t.id));
    for (const locale of locales) {
      const inLocale = templates.filter((t) => t.locale === locale).map((t) => t.id);
      expect(new Set(inLocale)).toEqual(ids);
      expect(inLocale).toHaveLength(ids.size);
    }
  });

  it('cover every scenario the issue names', () => {
    for (const scenario of knownScenarios) expect(templates.some((t) => t.scenario === scenario), scenario).toBe(true);
    expect(templates.filter((t) => t.scenario === 'closing' && t.locale === 'en').length).toBeGreaterThanOrEqual(3);
  });

  it('have a unique shortcut per locale', () => {
    for (const locale of locales) {
      const shortcuts = templates.filter((t) => t.locale === locale).map((t) => t.shortcut);
      expect(new Set(shortcuts).size).toBe(shortcuts.length);
    }
  });

  it('use only placeholders the workspace can fill', () => {
    for (const t of templates) for (const name of placeholdersIn(t.body)) expect(isKnownPlaceholder(name), `${t.id}/${t.locale}: ${name}`).toBe(true);
  });

  it.each(templates.map((t) => [`${t.id} (${t.locale})`, t] as const))('%s passes its own coach once filled', (_, t) => {
    const filled = fillText(t.body, sampleCallData[t.locale], t.locale);
    expect(filled.complete).toBe(true);
    expect(coachReply(filled.text, t.locale)).toEqual([]);
  });

  it.each(templates.map((t) => [`${t.id} (${t.locale})`, t] as const))('%s: each LATTE passage is recognised as its step', (_, t) => {
    for (const [step, part] of Object.entries(t.latte ?? {})) {
      const text = fillText(part, sampleCallData[t.locale], t.locale).text;
      expect(checkLatte(text, t.locale).steps[step as (typeof latteSteps)[number]].covered, `${step}: ${text}`).toBe(true);
    }
  });

  it('scenario replies (all but hold requests and closings) cover all five LATTE steps', () => {
    for (const t of templates.filter((t) => t.scenario !== 'closing' && t.id !== 'hold-request')) {
      const text = fillText(t.body, sampleCallData[t.locale], t.locale).text;
      expect(checkLatte(text, t.locale).missing, `${t.id} (${t.locale})`).toEqual([]);
      expect(Object.keys(t.latte ?? {}).sort()).toEqual([...latteSteps].sort());
    }
  });

  it('use Taiwan wording in zh-TW and simplified characters in zh-CN', () => {
    const simplifiedOnly = /[们这订单请为会发货说么后边时过对还账邮给谢让问题确认]/u;
    const traditionalOnly = /[們這訂單請為會發貨說麼後邊時過對還帳郵給謝讓問題確認]/u;
    for (const t of templates) {
      if (t.locale === 'zh-TW') expect(t.body, t.id).not.toMatch(simplifiedOnly);
      if (t.locale === 'zh-CN') expect(t.body, t.id).not.toMatch(traditionalOnly);
    }
  });

  it('keep one polite particle in Thai (ค่ะ/คะ, never ครับ)', () => {
    for (const t of templates.filter((t) => t.locale === 'th')) {
      expect(t.body, t.id).toMatch(/ค่ะ|คะ/u);
      expect(t.body, t.id).not.toMatch(/ครับ|ผม/u);
    }
  });
});

describe('shipped service-recovery phrases', () => {
  it.each(locales)('in %s pass the coach', (locale) => {
    for (const phrases of Object.values(shippedRecoveryPhrases(locale).steps)) {
      for (const phrase of phrases) expect(coachReply(fillText(phrase, sampleCallData[locale], locale).text, locale), phrase).toEqual([]);
    }
  });
});

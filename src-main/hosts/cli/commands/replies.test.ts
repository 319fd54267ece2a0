import { describe, expect, it } from 'vitest';
import { UsageError, type CommandContext } from '../command';
import { replyCommands as commands } from './replies';

/** A command context with no database: these commands must never open one. */
function ctx(args: string[], options: CommandContext['options'] = {}, stdin = ''): CommandContext {
  return {
    cache: () => {
      throw new Error('reply commands do not use the database');
    },
    dbPath: ':memory:',
    resourcesDir: '/nonexistent',
    region: 'CN',
    args,
    options,
    stdin: async () => stdin,
  };
}

describe('lint-reply', () => {
  it('prints LATTE coverage and findings with offsets into the text', async () => {
    const text = "You have to restart it, it's company policy.";
    const result = (await commands['lint-reply']!.run(ctx([text], { lang: 'en' }))) as {
      latte: Record<string, boolean>;
      findings: { start: number; end: number; rule: string; message: string; suggestion: string }[];
    };
    expect(result.latte).toEqual({ listen: false, acknowledge: false, takeAction: false, thank: false, explain: false });
    expect(result.findings.map((f) => [text.slice(f.start, f.end), f.rule])).toEqual([
      ['You have to', 'en.you-have-to'],
      ["it's company policy", 'en.policy'],
    ]);
    expect(Object.keys(result.findings[0]!)).toEqual(['start', 'end', 'rule', 'message', 'suggestion']);
    expect(Object.keys(result)).toEqual(['latte', 'findings']);
  });

  it('reads the draft from standard input for "-", and joins words the shell split', async () => {
    const fromStdin = (await commands['lint-reply']!.run(ctx(['-'], { lang: 'zh-CN' }, '非常抱歉，我已经为您补发。\n'))) as { latte: Record<string, boolean> };
    expect(fromStdin.latte).toMatchObject({ acknowledge: true, takeAction: true });
    const joined = (await commands['lint-reply']!.run(ctx(['I', 'need', 'you', 'to', 'wait.'], { lang: 'en' }))) as { findings: { rule: string }[] };
    expect(joined.findings.map((f) => f.rule)).toEqual(['en.need-you-to']);
  });

  it('explains findings in --ui-lang and adds the evidence with --details', async () => {
    const result = (await commands['lint-reply']!.run(ctx(['คุณต้องรอค่ะ'], { lang: 'th', 'ui-lang': 'zh-TW', details: true }))) as {
      findings: { message: string }[];
      details: { latte: { missing: string[] } };
    };
    expect(result.findings[0]?.message).toMatch(/命令/u);
    expect(result.details.latte.missing).toContain('thank');
  });

  it('refuses a missing or unknown --lang, and an empty draft, as usage errors', async () => {
    await expect(commands['lint-reply']!.run(ctx(['hello'], {}))).rejects.toThrow(UsageError);
    await expect(commands['lint-reply']!.run(ctx(['hello'], { lang: 'fr' }))).rejects.toThrow(/zh-CN, zh-TW, th, en/u);
    await expect(commands['lint-reply']!.run(ctx(['hello'], { lang: 'en', 'ui-lang': 'de' }))).rejects.toThrow(UsageError);
    await expect(commands['lint-reply']!.run(ctx(['-'], { lang: 'en' }, '  \n'))).rejects.toThrow(UsageError);
  });
});

describe('templates', () => {
  it('lists templates by language and scenario', () => {
    const list = commands.templates!.run(ctx([], { lang: 'zh-TW', scenario: 'closing' })) as { id: string; locale: string; scenario: string }[];
    expect(list.length).toBe(3);
    expect(list.every((t) => t.locale === 'zh-TW' && t.scenario === 'closing')).toBe(true);
    expect(Object.keys(list[0]!)).toEqual(['id', 'locale', 'scenario', 'title', 'shortcut', 'body']);
  });

  it('lists every template without filters, and searches with --query', () => {
    expect((commands.templates!.run(ctx([])) as unknown[]).length).toBe(48);
    const found = commands.templates!.run(ctx([], { query: '/refund', lang: 'en' })) as { id: string }[];
    expect(found[0]?.id).toBe('refund-status');
  });

  it('refuses an unknown scenario or language', () => {
    expect(() => commands.templates!.run(ctx([], { scenario: 'weather' }))).toThrow(/missing-order/u);
    expect(() => commands.templates!.run(ctx([], { lang: 'zh' }))).toThrow(UsageError);
  });
});

describe('render', () => {
  it('fills a template from --data', () => {
    const data = JSON.stringify({ customer: { name: '王小明' }, order: { id: 'A123' }, delivery: { date: '5月24日' }, followUp: { date: '5月27日' } });
    const result = commands.render!.run(ctx(['missing-order'], { lang: 'zh-CN', data })) as { text: string; complete: boolean; gaps: unknown[] };
    expect(result).toMatchObject({ complete: true, gaps: [] });
    expect(result.text).toMatch(/^王小明您好，感谢您来电反映订单A123的情况。/u);
  });

  it('lists the gaps, labelled in the UI language, without braces', () => {
    const result = commands.render!.run(ctx(['callback-promise'], { lang: 'en', 'ui-lang': 'th' })) as { text: string; complete: boolean; gaps: { placeholder: string }[] };
    expect(result.complete).toBe(false);
    expect(result.text).not.toMatch(/\{\{/u);
    expect(result.text).toContain('[เวลาโทรกลับ]');
    expect(result.gaps.map((g) => g.placeholder)).toContain('callback.number');
  });

  it('refuses bad --data, a missing id and an unknown template as usage errors', () => {
    expect(() => commands.render!.run(ctx(['missing-order'], { lang: 'en', data: '{name:' }))).toThrow(/--data must be JSON/u);
    expect(() => commands.render!.run(ctx(['missing-order'], { lang: 'en', data: '[1]' }))).toThrow(/JSON object/u);
    expect(() => commands.render!.run(ctx([], { lang: 'en' }))).toThrow(UsageError);
    expect(() => commands.render!.run(ctx(['missing-order'], {}))).toThrow(/--lang/u);
    expect(() => commands.render!.run(ctx(['no-such'], { lang: 'en' }))).toThrow(/damaged-package/u);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src-renderer/i18n/messages';

/** Every source file of the main process (tests excluded: they may build errors of their own). */
function mainSources(dir = 'src-main'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return mainSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text of each `new ContractError(...)` call in a file, up to its closing parenthesis. */
function contractErrorCalls(source: string): string[] {
  const calls: string[] = [];
  for (let start = source.indexOf('new ContractError('); start >= 0; start = source.indexOf('new ContractError(', start + 1)) {
    let depth = 0;
    let end = start + 'new ContractError'.length;
    do {
      if (source[end] === '(') depth++;
      if (source[end] === ')') depth--;
      end++;
    } while (depth > 0 && end < source.length);
    calls.push(source.slice(start, end));
  }
  return calls;
}

describe('errors raised by the main process', () => {
  const calls = mainSources().flatMap((file) => contractErrorCalls(readFileSync(file, 'utf8')).map((call) => ({ file, call })));

  it('each names a message key', () => {
    expect(calls.length).toBeGreaterThan(40);
    for (const { file, call } of calls) expect(call, file).toMatch(/key: /);
  });

  it('each key it names has words in all four locales', () => {
    const keys = new Set(calls.flatMap(({ call }) => [...call.matchAll(/'(mainError\.[\w.]+)'/g)].map((m) => m[1]!)));
    expect(keys.size).toBeGreaterThan(30);
    for (const key of keys) {
      for (const [locale, table] of Object.entries(messages)) expect(Object.hasOwn(table, key), `${locale} ${key}`).toBe(true);
    }
    // Every key in a call is a literal the scan can see: none is built at run time.
    for (const { file, call } of calls) expect(call.match(/key: ([^,}\n]+)/)![1], file).toMatch(/'mainError\./);
  });
});

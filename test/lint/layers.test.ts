import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules are enforced by lint; this proves the lint config really rejects each crossing. */
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint();
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  it('src-shared may not import Node, electron or the DOM', async () => {
    expect(await lintAs('src-shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([
      expect.stringContaining('no-restricted-imports'),
    ]);
    expect(await lintAs('src-shared/x.ts', "import path from 'path';\nexport const a = path;\n")).toHaveLength(1);
    expect(await lintAs('src-shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await lintAs('src-shared/x.ts', 'export const a = () => document.title;\n')).toEqual([
      expect.stringContaining('no-restricted-globals'),
    ]);
  });

  it('the renderer may not import from src-main or Node', async () => {
    expect(await lintAs('src-renderer/x.ts', "import { AgentDesktop } from '../src-main/app/agent-desktop';\nexport const a = AgentDesktop;\n")).toHaveLength(1);
    expect(await lintAs('src-renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
  });

  it("only src-main/hosts/electron may import 'electron'", async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await lintAs('src-main/services/x.ts', code)).toHaveLength(1);
    expect(await lintAs('src-main/hosts/web/x.ts', code)).toHaveLength(1);
    expect(await lintAs('test/e2e/x.ts', code)).toHaveLength(1);
    expect(await lintAs('src-main/hosts/electron/x.ts', code)).toEqual([]);
  });

  it('services do not reach into a host', async () => {
    expect(await lintAs('src-main/services/x.ts', "import { startWebShell } from '../hosts/web/web-shell';\nexport const a = startWebShell;\n")).toHaveLength(1);
  });

  it('the team server imports src-shared only: never src-main, the renderer or electron', async () => {
    expect(await lintAs('src-server/x.ts', "import { Cache } from '../src-main/services/db/cache';\nexport const a = Cache;\n")).toHaveLength(1);
    expect(await lintAs('src-server/routes/x.ts', "import { App } from '../../src-renderer/App';\nexport const a = App;\n")).toHaveLength(1);
    expect(await lintAs('src-server/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await lintAs('src-server/x.ts', "import { Mutation } from '../src-shared/sync/contract';\nimport pg from 'pg';\nexport const a = [Mutation, pg];\n")).toEqual([]);
  });
});

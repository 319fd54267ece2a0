import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

// The packaging configuration, checked against the JSON schema electron-builder itself validates with
// (app-builder-lib/scheme.json), since the Electron download, and so a real build, is not reachable here.
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('electron-builder.json', () => {
  it("is valid against electron-builder's own schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a misspelt or misplaced option', () => {
    expect(validate({ ...config, electronFuse: { runAsNode: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } })).toBe(false);
    expect(validate({ ...config, linux: { ...config.linux, dmgTitle: 'x' } })).toBe(false);
  });

  it('builds NSIS for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    const targets = (list: Array<string | { target: string }>) => list.map((t) => (typeof t === 'string' ? t : t.target));
    expect(targets(config.win.target)).toEqual(['nsis']);
    expect(targets(config.mac.target)).toEqual(['dmg']);
    expect(targets(config.linux.target)).toEqual(['AppImage', 'deb']);
  });

  it('sets the Electron fuses: no running as Node, encrypted cookies, ASAR integrity, the app only from the ASAR', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
    expect(config.asar).toBe(true);
  });

  it('rebuilds native modules (better-sqlite3) for Electron and keeps their binaries outside the ASAR', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
    // What the packaged app starts from is in the files it packs.
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.files).toContain('out/**/*');
  });
});

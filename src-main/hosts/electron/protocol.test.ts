import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: {}, app: {}, session: {}, shell: {}, BrowserWindow: class {} }));
const { respond } = await import('./protocol');
const { CONTENT_SECURITY_POLICY } = await import('./security');

const base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
const renderer = join(base, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Agent Desktop</title>');
writeFileSync(join(renderer, 'assets', 'main.js'), 'console.log(1)');
writeFileSync(join(renderer, 'assets', 'ring.ogg'), 'OggS');
writeFileSync(join(base, 'secret.txt'), 'outside the renderer');

const get = (url: string, method = 'GET') => respond(renderer, new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves renderer files with their content type and the CSP header', async () => {
    const page = await get('app://agent-desktop/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('Agent Desktop');

    expect((await get('app://agent-desktop/assets/main.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://agent-desktop/assets/ring.ogg')).headers.get('content-type')).toBe('audio/ogg');
    expect((await get('app://agent-desktop/')).status).toBe(200);
  });

  it('refuses anything outside the renderer folder, however it is spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2F..%2Fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const response = await respond(renderer, { method: 'GET', url: `app://agent-desktop${path}` } as Request);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });

  it('refuses other hosts, missing files, folders and methods that write', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://agent-desktop/missing.js')).status).toBe(404);
    expect((await get('app://agent-desktop/assets')).status).toBe(404);
    expect((await get('app://agent-desktop/index.html', 'POST')).status).toBe(405);
    expect((await get('app://agent-desktop/index.html', 'POST')).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

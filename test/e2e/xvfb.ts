import { spawn } from 'node:child_process';

export interface VirtualDisplay {
  /** For DISPLAY, e.g. ":7". */
  display: string;
  stop(): Promise<void>;
}

/** Debian's Xvfb on a display number it picks itself (-displayfd), so a test can open real windows. */
export async function startXvfb(): Promise<VirtualDisplay> {
  const child = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1366x768x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return {
    display,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

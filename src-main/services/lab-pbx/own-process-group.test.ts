import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { shieldLabProcessesFromTerminal, spawnLabProcess } from './own-process-group';

describe('the demo lab processes in groups of their own', () => {
  it('start in a group the terminal does not signal, and are killed when the app exits however it exits', async () => {
    shieldLabProcessesFromTerminal();
    const child = spawnLabProcess('sleep', ['60'], { stdio: 'ignore' });
    // Its own group: the group's id is its pid (a terminal's Ctrl+C goes to the app's group, not this one).
    expect(() => process.kill(-child.pid!, 0)).not.toThrow();
    const exited = once(child, 'exit');
    // What Node runs on the way out of the app, whether after a clean stop, process.exit(1) or an uncaught error.
    process.emit('exit', 1);
    const [code, signal] = (await exited) as [number | null, string | null];
    expect([code, signal]).toEqual([null, 'SIGKILL']);
  });
});

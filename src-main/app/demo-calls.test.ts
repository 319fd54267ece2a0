import { describe, expect, it, vi } from 'vitest';
import type { SippRun } from '../services/lab-pbx/customer-phone';
import { callInTurn } from './demo-calls';

const calls = [
  { caller: '+8613812345678', callerName: '王小明' },
  { caller: '0812345678', callerName: 'Somchai' },
];
const finished = (code: number): SippRun => ({ done: Promise.resolve({ code, output: '' }), logged: () => [], stop() {} });

describe('the demo calling in turn', () => {
  it('a call that cannot be placed is logged and the next caller rings; the loop never rejects', async () => {
    const warn = vi.fn();
    const placed: string[] = [];
    let turns = 0;
    const place = vi.fn(async (call: { caller: string }) => {
      placed.push(call.caller);
      if (placed.length === 1) throw new Error('spawn sipp ENOENT');
      return finished(0);
    });
    const loop = callInTurn({
      calls,
      untilReady: async () => void turns++,
      place,
      stopped: () => placed.length >= 2,
      pauseMs: 0,
      log: { info() {}, warn, error() {} },
    });
    await expect(loop).resolves.toBeUndefined();
    expect(placed).toEqual(['+8613812345678', '0812345678']);
    expect(warn).toHaveBeenCalledWith('demo: call not placed', { caller: '+8613812345678', error: 'spawn sipp ENOENT' });
    expect(turns).toBe(2);
  });

  it('waiting for Ready failing is logged too, not an unhandled rejection', async () => {
    const warn = vi.fn();
    let stop = false;
    const loop = callInTurn({
      calls,
      untilReady: async () => {
        stop = true;
        throw new Error('the app stopped');
      },
      place: async () => finished(0),
      stopped: () => stop,
      pauseMs: 0,
      log: { info() {}, warn, error() {} },
    });
    await expect(loop).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith('demo: call not placed', { caller: '+8613812345678', error: 'the app stopped' });
  });
});

import type { CustomerCall, SippRun } from '../services/lab-pbx/customer-phone';
import type { Logger } from './logger';

export interface DemoCallLoop {
  calls: Omit<CustomerCall, 'agent'>[];
  /** Resolves when the agent is Ready again (or the demo stopped). */
  untilReady(): Promise<void>;
  /** Places one customer call (SIPp). */
  place(call: Omit<CustomerCall, 'agent'>): Promise<SippRun>;
  stopped(): boolean;
  /** Pause between one call ending and the next one ringing. */
  pauseMs: number;
  log: Logger;
}

/**
 * The demo's sample customers calling one after another. Nothing awaits this loop, so it never rejects: a call
 * that could not be placed (SIPp missing, the PBX gone) is logged and the next one is tried after the pause.
 */
export async function callInTurn(loop: DemoCallLoop): Promise<void> {
  for (let i = 0; !loop.stopped(); i++) {
    const call = loop.calls[i % loop.calls.length]!;
    try {
      await loop.untilReady();
      if (loop.stopped()) return;
      const { code } = await (await loop.place(call)).done;
      loop.log.info('demo: call ended', { caller: call.caller, sippExit: code });
    } catch (err) {
      loop.log.warn('demo: call not placed', { caller: call.caller, error: err instanceof Error ? err.message : String(err) });
    }
    if (loop.stopped()) return;
    await new Promise((r) => setTimeout(r, loop.pauseMs));
  }
}

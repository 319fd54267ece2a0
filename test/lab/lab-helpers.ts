import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, type Logger } from '../../src-main/app/logger';
import { LabKamailio, type LabAgent } from '../../src-main/services/lab-pbx/kamailio';
import { CustomerPhone } from '../../src-main/services/lab-pbx/customer-phone';
import { Softphone, type SoftphoneConfig } from '../../src-main/services/softphone/softphone';
import type { SoftphoneStatus } from '../../src-shared/domain/softphone';
import type { EventChannel, EventOf } from '../../src-shared/contract';
import type { AgentDesktop } from '../../src-main/app/agent-desktop';

export const labDir = dirname(fileURLToPath(import.meta.url));

/** Logs only warnings and errors, so a failing lab test shows what Kamailio or sip.js complained about. */
export const labLogger: Logger = (() => {
  const log = createLogger('lab');
  return { info() {}, warn: log.warn, error: log.error };
})();

export interface Lab {
  pbx: LabKamailio;
  customer: CustomerPhone;
  runDir: string;
  stop(): Promise<void>;
}

export async function startLab(agents: LabAgent[]): Promise<Lab> {
  const runDir = mkdtempSync(join(tmpdir(), 'agent-desktop-lab-'));
  const pbx = new LabKamailio({ labDir, runDir, agents, logger: labLogger });
  await pbx.start();
  const customer = new CustomerPhone(labDir, runDir, () => pbx.sipPort);
  return {
    pbx,
    customer,
    runDir,
    async stop() {
      customer.stopAll();
      await pbx.stop();
    },
  };
}

export function agentPhone(lab: Lab, agent: LabAgent, password = agent.password): Softphone {
  return new Softphone(
    { server: lab.pbx.wsUrl, domain: '127.0.0.1', extension: agent.extension, displayName: `Agent ${agent.extension}`, password },
    labLogger,
  );
}

/** A lab with one agent already registered: the setup most call tests share. */
export async function startLabWithAgent(agent: LabAgent): Promise<{ lab: Lab; phone: Softphone }> {
  const lab = await startLab([agent]);
  const phone = agentPhone(lab, agent);
  await phone.start();
  await phone.waitUntilRegistered();
  return { lab, phone };
}

/** Resolves with the first emitted value that satisfies the predicate (tests wait on events, never on sleeps). */
export function nextEvent<T extends unknown[]>(
  emitter: { on(event: string, l: (...a: T) => void): unknown; off(event: string, l: (...a: T) => void): unknown },
  event: string,
  predicate: (...args: T) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<T[0]> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no matching "${event}" event within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args: T) => {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolvePromise(args[0]);
    };
    emitter.on(event, listener);
  });
}

/**
 * How long a test waits for what another process logged (Kamailio's stderr, a team server's stdout): the lines
 * trail the replies that went over the network, by far more than vitest's default 1 s on a loaded machine.
 */
export const LOG_LINES = { timeout: 15_000 };

export const isRegistered = (s: SoftphoneStatus) => s.registered;

/** A phone for the given server URL (a relay in front of the PBX) with link settings a test can shorten. */
export function agentPhoneVia(
  server: string,
  agent: LabAgent,
  link: Partial<Pick<SoftphoneConfig, 'backoff' | 'keepalive' | 'registerExpires'>> = {},
): Softphone {
  return new Softphone(
    { server, domain: '127.0.0.1', extension: agent.extension, displayName: `Agent ${agent.extension}`, password: agent.password, ...link },
    labLogger,
  );
}

/** The next event of this channel from the app's event bus that satisfies the predicate. */
export function busEvent<E extends EventChannel>(app: AgentDesktop, channel: E, predicate: (p: EventOf<E>) => boolean, timeoutMs = 10_000): Promise<EventOf<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching ${channel} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = app.events.subscribe((event: EventChannel, payload: unknown) => {
      if (event !== channel || !predicate(payload as EventOf<E>)) return;
      clearTimeout(timer);
      off();
      resolve(payload as EventOf<E>);
    });
  });
}

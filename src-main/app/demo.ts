import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from './logger';
import type { AgentDesktop } from './agent-desktop';
import { LabKamailio } from '../services/lab-pbx/kamailio';
import { CustomerPhone, type CustomerCall } from '../services/lab-pbx/customer-phone';
import { loadSampleCustomers } from '../services/sample-data/sample-customers';
import type { CountryCode } from '../../src-shared/phone';

export const DEMO_AGENT = { extension: '1001', displayName: 'Demo Agent' };

/** Sample callers, one after another: the first is a known VIP so the screen pop has something to show. */
export const DEMO_CALLS: Omit<CustomerCall, 'agent'>[] = [
  { caller: '+8613812345678', callerName: '王小明', queue: 'complaints', customerId: 'CUST-1001', ivrPath: 'main>orders>complaint', language: 'zh-CN' },
  { caller: '0812345678', callerName: 'Somchai', queue: 'billing', ivrPath: 'main>billing', language: 'th' },
  { caller: '+14155550199', callerName: 'New caller', queue: 'general', ivrPath: 'main', language: 'en' },
];

export interface DemoOptions {
  repoRoot: string;
  runDir: string;
  logger: Logger;
  defaultRegion: CountryCode;
  /** Pause between one demo call ending and the next one ringing. */
  nextCallDelayMs?: number;
}

/**
 * Demo mode: the lab PBX (Kamailio) on loopback, sample customers in the cache, the agent registered, and
 * customers (SIPp) calling in one after another.
 */
export class Demo {
  readonly pbx: LabKamailio;
  readonly customerPhone: CustomerPhone;
  private stopped = false;
  private readonly password = randomBytes(12).toString('hex');

  constructor(private readonly app: AgentDesktop, private readonly options: DemoOptions) {
    const labDir = join(options.repoRoot, 'test', 'lab');
    this.pbx = new LabKamailio({
      labDir,
      runDir: options.runDir,
      agents: [{ extension: DEMO_AGENT.extension, password: this.password }],
      logger: options.logger,
    });
    this.customerPhone = new CustomerPhone(labDir, options.runDir, () => this.pbx.sipPort);
  }

  async start(): Promise<void> {
    const loaded = loadSampleCustomers(
      this.app.cache.customers,
      join(this.options.repoRoot, 'resources', 'sample', 'customers.jsonl'),
      this.options.defaultRegion,
    );
    this.options.logger.info('demo: sample customers loaded', { loaded });
    await this.pbx.start();
    await this.app.start({
      server: this.pbx.wsUrl,
      domain: '127.0.0.1',
      extension: DEMO_AGENT.extension,
      displayName: DEMO_AGENT.displayName,
      password: this.password,
    });
    await this.app.softphone!.waitUntilRegistered();
    void this.callsInTurn();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.customerPhone.stopAll();
    await this.pbx.stop();
  }

  private async callsInTurn(): Promise<void> {
    for (let i = 0; !this.stopped; i++) {
      const call = DEMO_CALLS[i % DEMO_CALLS.length]!;
      const run = await this.customerPhone.call({ ...call, agent: DEMO_AGENT.extension, talkMs: 120_000 });
      const { code } = await run.done;
      this.options.logger.info('demo: call ended', { caller: call.caller, sippExit: code });
      await new Promise((r) => setTimeout(r, this.options.nextCallDelayMs ?? 15_000));
    }
  }
}

import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingDestination } from '../services/lab-pbx/recording-upload';
import type { ImportKind } from '../services/importers/importer';
import { callInTurn } from './demo-calls';
import { seedDemoWorkOrders } from './demo-work-orders';
import { DemoTeam } from './demo-team';
import type { Logger } from './logger';
import type { AgentDesktop } from './agent-desktop';
import { LabKamailio } from '../services/lab-pbx/kamailio';
import { CustomerPhone, type CustomerCall } from '../services/lab-pbx/customer-phone';
import { LabMediaRelay, type Impairment } from '../services/lab-pbx/media-relay';
import { shieldLabProcessesFromTerminal } from '../services/lab-pbx/own-process-group';

/** The demo's "bad network": a poor home line, audible and past every network warning line. */
const BAD_NETWORK: Partial<Impairment> = { delayMs: 20, jitterMs: 250, loss: 0.05 };

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
  /** Pause between one demo call ending and the next one ringing. */
  nextCallDelayMs?: number;
  /** The demo team server, where the PBX hands its recordings. */
  recordingsTo?: RecordingDestination;
}

/**
 * Demo mode: the lab PBX (Kamailio) on loopback, sample customers in the cache, the agent registered, and
 * customers (SIPp) calling in one after another.
 */
export class Demo {
  readonly pbx: LabKamailio;
  readonly customerPhone: CustomerPhone;
  private readonly team: DemoTeam;
  private stopped = false;
  private wake: (() => void) | null = null;
  private readonly password = randomBytes(12).toString('hex');
  /** Each demo call's audio passes this relay, so the "bad network" switch can impair the lab's own media path. */
  private relay: LabMediaRelay | null = null;
  private badNetwork = false;

  constructor(private readonly app: AgentDesktop, private readonly options: DemoOptions) {
    // The demo stops its PBX, media relay and callers itself, after the app has hung up: Ctrl+C must not take them first.
    shieldLabProcessesFromTerminal();
    const labDir = join(options.repoRoot, 'test', 'lab');
    // The teammates' accounts exist before the PBX starts (it needs their passwords); their phones start later.
    this.team = new DemoTeam(() => this.pbx.wsUrl, () => this.customerPhone, options.logger);
    this.pbx = new LabKamailio({
      labDir,
      runDir: options.runDir,
      agents: [{ extension: DEMO_AGENT.extension, password: this.password }, ...this.team.agents],
      logger: options.logger,
      // The workspace window carries the call audio (WebRTC); rtpengine bridges it to the customer's phone.
      media: true,
      // rtpengine records each call with a customer; the PBX's recording hook makes it a stereo WAV.
      recording: { dir: join(options.runDir, 'recordings'), upload: options.recordingsTo },
    });
    this.customerPhone = new CustomerPhone(labDir, options.runDir, () => this.pbx.sipPort);
    app.demoNetwork = {
      set: (bad) => {
        this.badNetwork = bad;
        this.applyNetwork();
        return bad;
      },
    };
  }

  private applyNetwork(): void {
    if (this.badNetwork) this.relay?.impair(BAD_NETWORK);
    else this.relay?.clear();
  }

  /** A demo call's audio goes through a fresh relay (the last call's is done with). */
  private async detour(sippMediaPort: number): Promise<number> {
    this.relay?.stop();
    this.relay = await LabMediaRelay.start(sippMediaPort);
    this.applyNetwork();
    return this.relay.port;
  }

  async start(): Promise<void> {
    await this.loadSampleData();
    await this.pbx.start();
    await this.app.start({
      server: this.pbx.wsUrl,
      domain: '127.0.0.1',
      extension: DEMO_AGENT.extension,
      displayName: DEMO_AGENT.displayName,
      password: this.password,
    });
    await this.app.softphone!.waitUntilRegistered();
    // The demo agent starts Ready so the first sample customer rings at once.
    this.app.workflow?.agent.setReady();
    void callInTurn({
      calls: DEMO_CALLS,
      untilReady: () => this.untilReady(),
      place: (call) => this.customerPhone.call({ ...call, agent: DEMO_AGENT.extension, talkMs: 120_000, mediaDetour: (port) => this.detour(port) }),
      stopped: () => this.stopped,
      pauseMs: this.options.nextCallDelayMs ?? 15_000,
      log: this.options.logger,
    });
    // The floor board's team: after the demo agent's first call is ringing, so that call comes first.
    void this.team.start().catch((err: Error) => this.options.logger.warn('demo team did not start', { error: err.message }));
  }

  /** The next demo caller waits until the agent is Ready again (after-call work is left by hand, with a disposition). */
  private untilReady(): Promise<void> {
    const agent = this.app.workflow?.agent;
    if (!agent || agent.state.state === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const check = (state: { state: string }) => {
        if (state.state !== 'ready' && !this.stopped) return;
        agent.off('changed', check);
        this.wake = null;
        resolve();
      };
      agent.on('changed', check);
      // stop() wakes a waiting loop so it ends instead of holding a listener.
      this.wake = () => check({ state: 'stopped' });
    });
  }

  /** Sample customers, their calls and the knowledge base, imported like any file; running it again only updates. */
  private async loadSampleData(): Promise<void> {
    const sample = join(this.options.repoRoot, 'resources', 'sample');
    const named = (prefix: string) => readdirSync(sample).filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl')).sort();
    const files: [ImportKind, string][] = [
      ...named('customers').map((f): [ImportKind, string] => ['customers', join(sample, f)]),
      ...named('contacts').map((f): [ImportKind, string] => ['contacts', join(sample, f)]),
      ...readdirSync(join(sample, 'kb')).map((f): [ImportKind, string] => ['kb', join(sample, 'kb', f)]),
    ];
    for (const [kind, file] of files) {
      const result = await this.app.importData(kind, file);
      this.options.logger.info('demo: sample data loaded', { kind, file, imported: result.imported, updated: result.updated });
    }
    seedDemoWorkOrders(this.app.cache);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.team.stop();
    this.customerPhone.stopAll();
    this.relay?.stop();
    this.relay = null;
    await this.pbx.stop();
  }
}

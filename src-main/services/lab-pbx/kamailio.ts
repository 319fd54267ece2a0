import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../app/logger';
import { freePort, waitForTcp } from './ports';
import { readKamailioLog } from './kamailio-log';
import { LabRtpEngine } from './rtpengine';
import { LabAgentNetwork } from './agent-network';
import { RecordingHook } from './recording-hook';
import type { RecordingDestination } from './recording-upload';
import { toneWav } from './tones';
import { renderTemplate } from './template';
import { spawnLabProcess } from './own-process-group';

export interface LabAgent {
  extension: string;
  password: string;
}

export interface KamailioOptions {
  /** Folder holding kamailio/kamailio.cfg and sipp/*.xml (the repository's test/lab). */
  labDir: string;
  /** Where the rendered config, pid file and logs go. */
  runDir: string;
  agents: LabAgent[];
  logger: Logger;
  debugLevel?: number;
  /**
   * Relay media through rtpengine so WebRTC agents (the renderer's RTCPeerConnection) and plain-RTP phones
   * (SIPp) hear each other. Off for Node-only tests, whose agents offer plain RTP themselves.
   */
  media?: boolean;
  /**
   * Record calls with a customer in the media relay (needs media): rtpengine writes each call's packets and
   * metadata under `dir` (pcaps/, metadata/); calls in `unrecordedQueues` (by X-Queue) are not recorded.
   */
  recording?: { dir: string; unrecordedQueues?: string[]; upload?: RecordingDestination };
  /**
   * Put an impairable relay on the agents' side of the media relay (needs media): the lab's stand-in for an agent's
   * home network, which tests can slow down or cut (agent-network.ts).
   */
  agentNetwork?: boolean;
}

/** The lab's recording notices: a tone per call language (the caller's phone hears which one was played). */
export const RECORDING_NOTICE_HZ = { en: 600, 'zh-CN': 700, 'zh-TW': 800, th: 900 } as const;

const MODULE_DIRS = ['/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/aarch64-linux-gnu/kamailio/modules', '/usr/lib/kamailio/modules'];
const DBTEXT_SCHEMA = '/usr/share/kamailio/dbtext/kamailio';
const EXTENSION = /^[0-9A-Za-z_.-]{1,32}$/;

/** The lab PBX: Debian's Kamailio as registrar and proxy on loopback, started and stopped by us. */
export class LabKamailio {
  private process: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly rtpengine: LabRtpEngine | null;
  /** The agents' network, when asked for: what a test does to it happens between the browser and rtpengine. */
  readonly agentNetwork: LabAgentNetwork | null;
  /** The PBX's recording hook, when calls are recorded: emits each finished call's stereo WAV. */
  readonly recordings: RecordingHook | null;
  private stderr = '';
  /** Call-ID → when its first INVITE reached the PBX (epoch ms, microsecond precision), from the PBX's own log. */
  private readonly arrivals = new Map<string, number>();
  private readonly relays = new Map<string, number>();
  /** Extension → REGISTERs (and keepalive OPTIONS) logged, across restarts of the PBX. */
  private readonly registers = new Map<string, number>();
  private readonly keepalives = new Map<string, number>();
  sipPort = 0;
  wsPort = 0;
  trunkPort = 0;

  constructor(private readonly options: KamailioOptions) {
    if (options.recording && !options.media) throw new Error('the lab PBX records through its media relay: recording needs media');
    if (options.agentNetwork && !options.media) throw new Error("the agents' network relay sits by the media relay: it needs media");
    this.rtpengine = options.media ? new LabRtpEngine(options.logger, options.recording?.dir, options.agentNetwork) : null;
    this.agentNetwork = options.agentNetwork ? new LabAgentNetwork() : null;
    this.recordings = options.recording
      ? new RecordingHook(options.recording.dir, join(options.recording.dir, 'calls'), options.logger, options.recording.upload)
      : null;
  }

  get running(): boolean {
    return this.process !== null;
  }

  /** When the INVITE with this Call-ID reached the PBX (epoch ms), once Kamailio has logged it. */
  inviteArrivedAt(callId: string): number | null {
    return this.arrivals.get(callId) ?? null;
  }

  /** When the PBX handed that INVITE on towards the agent (epoch ms), once Kamailio has logged it. */
  inviteRelayedAt(callId: string): number | null {
    return this.relays.get(callId) ?? null;
  }

  /** How many REGISTERs from this extension reached the PBX (challenged ones included), from its own log. */
  registersFrom(extension: string): number {
    return this.registers.get(extension) ?? 0;
  }

  /** How many keepalive OPTIONS from this extension the PBX answered: proof that its link is alive and time passed. */
  keepalivesFrom(extension: string): number {
    return this.keepalives.get(extension) ?? 0;
  }

  /** What Kamailio logged lately, for a failing test to show. */
  recentLog(): string {
    return this.stderr;
  }

  /**
   * The recording notice the caller hears, one per language. The lab's are tones, a pitch per language
   * (RECORDING_NOTICE_HZ), so a test can tell which was played; a site would put spoken files here.
   */
  private writeRecordingNotices(): string {
    const dir = join(this.options.runDir, 'notices');
    mkdirSync(dir, { recursive: true });
    for (const [language, hz] of Object.entries(RECORDING_NOTICE_HZ)) writeFileSync(join(dir, `notice-${language}.wav`), toneWav(hz, 1.2));
    return dir;
  }

  /** Where the media relay writes recordings (pcaps/, metadata/), when calls are recorded. */
  get recordingSpool(): string | null {
    return this.options.recording?.dir ?? null;
  }

  /** The media relay's recent log (empty without media). */
  mediaLog(): string {
    return this.rtpengine?.log() ?? '';
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.wsPort}`;
  }
  get sipUri(): string {
    return `127.0.0.1:${this.sipPort}`;
  }

  async start(): Promise<void> {
    if (this.process) throw new Error('the lab PBX is already running');
    const modules = MODULE_DIRS.find((d) => existsSync(join(d, 'tm.so')));
    if (!modules) throw new Error('Kamailio modules not found: install the Debian packages kamailio and kamailio-websocket-modules');
    for (const queue of this.options.recording?.unrecordedQueues ?? []) {
      if (!EXTENSION.test(queue)) throw new Error(`lab queue "${queue}": a queue name is letters, digits, _ . or -`);
    }
    for (const agent of this.options.agents) {
      if (!EXTENSION.test(agent.extension) || !/^[\x21-\x7e]{4,64}$/.test(agent.password) || /["\\$]/.test(agent.password)) {
        throw new Error(`lab agent ${agent.extension}: extension or password has characters the lab config cannot hold`);
      }
    }
    // A restart keeps the ports, as a real PBX coming back would: agents reconnect to the same address.
    const firstStart = this.sipPort === 0;
    for (let attempt = 1; ; attempt++) {
      if (firstStart) [this.sipPort, this.wsPort, this.trunkPort] = [await freePort(), await freePort(), await freePort()];
      try {
        return await this.launch(modules);
      } catch (err) {
        // A port freePort handed out can be bound by another process (a browser's ICE socket, another test's
        // client) before Kamailio binds it: then the first start goes again on fresh ports, up to three times.
        if (!firstStart || attempt === 3 || !/Address already in use/.test((err as Error).message)) throw err;
        this.options.logger.warn('lab PBX: a port was taken before Kamailio bound it; starting on fresh ports', { attempt });
      }
    }
  }

  private async launch(modules: string): Promise<void> {
    mkdirSync(this.options.runDir, { recursive: true });
    // Presence keeps agent states in db_text tables, created fresh from the schema Debian ships with Kamailio.
    const presenceDb = join(this.options.runDir, 'presence-db');
    rmSync(presenceDb, { recursive: true, force: true });
    cpSync(DBTEXT_SCHEMA, presenceDb, { recursive: true });
    if (this.rtpengine && !this.rtpengine.running) {
      await this.rtpengine.start();
      await this.agentNetwork?.start(this.rtpengine.ports);
      this.recordings?.start();
    }
    const cfgPath = join(this.options.runDir, 'kamailio.cfg');
    const template = readFileSync(join(this.options.labDir, 'kamailio', 'kamailio.cfg'), 'utf8');
    writeFileSync(
      cfgPath,
      renderTemplate(template, {
        DEBUG: this.options.debugLevel ?? 1,
        SIP_PORT: this.sipPort,
        WS_PORT: this.wsPort,
        TRUNK_PORT: this.trunkPort,
        PRESENCE_DB: presenceDb,
        MEDIA: this.rtpengine ? '#!define WITH_RTPENGINE' : '# media: none (agents offer plain RTP)',
        RTPENGINE_PORT: this.rtpengine?.controlPort ?? 0,
        // Offers from an agent come from the agents' interface, offers to one go out on it; ICE-lite towards her.
        FROM_AGENT_MEDIA: this.agentNetwork ? ' direction=agents direction=phones ICE-lite=backward' : '',
        TO_AGENT_MEDIA: this.agentNetwork ? ' direction=phones direction=agents ICE-lite=forward' : '',
        RECORDING: this.options.recording ? '#!define WITH_RECORDING' : '# recording: off',
        NOTICE_DIR: this.writeRecordingNotices(),
        NOTICE_DEFAULT_LANGUAGE: 'en',
        UNRECORDED_QUEUES: (this.options.recording?.unrecordedQueues ?? []).map((q) => `\t$sht(norecord=>${q}) = 1;`).join('\n'),
        MODULES: modules,
        AGENTS: this.options.agents.map((a) => `\t$sht(agents=>${a.extension}) = "${a.password}";`).join('\n'),
      }),
      { mode: 0o600 },
    );
    const log = this.options.logger;
    const child = spawnLabProcess(
      '/usr/sbin/kamailio',
      ['-f', cfgPath, '-DD', '-E', '-P', join(this.options.runDir, 'kamailio.pid'), '-Y', this.options.runDir, '-m', '64', '-M', '8'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.process = child;
    this.stderr = '';
    const stderrTail = () => this.stderr;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-100_000);
    });
    if (child.stderr) {
      readKamailioLog(child.stderr, {
        invite: (step, callId, atMs) => {
          const seen = step === 'arrived' ? this.arrivals : this.relays;
          if (seen.size > 10_000) seen.clear();
          seen.set(callId, atMs);
        },
        recordingEvent: (callIdHex, kind, atMs) => this.recordings?.callEvent(callIdHex, kind, atMs),
        counted: (kind, extension) => {
          const counts = kind === 'register-arrived' ? this.registers : this.keepalives;
          counts.set(extension, (counts.get(extension) ?? 0) + 1);
        },
      });
    }
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let alive = true;
    child.once('exit', (code, signal) => {
      alive = false;
      this.process = null;
      if (code !== 0 && signal !== 'SIGTERM') log.error('lab PBX exited', { code, signal, stderr: stderrTail().slice(-2000) });
    });
    try {
      await waitForTcp(this.wsPort, 10_000, () => alive);
    } catch (err) {
      await this.stop();
      throw new Error(`Kamailio did not start: ${(err as Error).message}\n${stderrTail().slice(-2000)}`);
    }
    log.info('lab PBX listening', { ws: this.wsUrl, sip: this.sipUri });
  }

  /** Stops the PBX; with keepMedia the media relay stays up, as when only the signaling server restarts. */
  async stop(options: { keepMedia?: boolean } = {}): Promise<void> {
    const child = this.process;
    if (child) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await this.exited;
      clearTimeout(timer);
    }
    if (!options.keepMedia) {
      await this.rtpengine?.stop();
      this.agentNetwork?.stop();
      this.recordings?.stop();
    }
  }
}

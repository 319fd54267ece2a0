import type { ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { Logger } from '../../app/logger';
import { AGENT_MEDIA_ADDRESS } from './agent-network';
import { spawnLabProcess } from './own-process-group';
import { freePort, freePortBlock } from './ports';

/** rtpengine's media ports: RTP and RTCP per call leg, room for the lab's busiest test (the bench's calls at once). */
const MEDIA_PORTS = 400;

/**
 * Debian's rtpengine in user space (no kernel module), on loopback: the lab PBX's media relay. It turns the
 * WebRTC side (ICE, DTLS-SRTP, rtcp-mux) into plain RTP for the customer's phone (SIPp) and back.
 */
export class LabRtpEngine {
  private process: ChildProcess | null = null;
  private stderr = '';
  private exited: Promise<void> = Promise.resolve();
  /** The ng control port Kamailio's rtpengine module talks to (UDP). */
  controlPort = 0;
  /** The media ports rtpengine allocates from, once started. */
  ports = { min: 0, max: 0 };

  /**
   * recordingDir: where calls the PBX asks to record go, as pcap files and metadata (user space, no kernel module).
   * agentInterface: agents get a logical interface of their own ("agents", bound and advertised apart, see
   * agent-network.ts) next to the phones' ("phones", the first, so the default); Kamailio names them per offer.
   */
  constructor(
    private readonly logger: Logger,
    private readonly recordingDir?: string,
    private readonly agentInterface = false,
  ) {}

  async start(): Promise<void> {
    if (this.process) throw new Error('rtpengine is already running');
    // A restart keeps the control port, so the PBX's config still reaches it.
    const firstStart = this.controlPort === 0;
    for (let attempt = 1; ; attempt++) {
      if (firstStart) this.controlPort = await freePort();
      try {
        return await this.launch();
      } catch (err) {
        // The control port freePort handed out can be bound by another process before rtpengine binds it: then the
        // first start goes again on a fresh one, up to three times (as Kamailio's and SIPp's do).
        if (!firstStart || attempt === 3 || !/Address already in use/.test((err as Error).message)) throw err;
        this.logger.warn('lab rtpengine: its control port was taken before it bound it; starting on a fresh one', { attempt });
      }
    }
  }

  private async launch(): Promise<void> {
    const rtpMin = freePortBlock(MEDIA_PORTS);
    this.ports = { min: rtpMin, max: rtpMin + MEDIA_PORTS - 1 };
    const interfaces = this.agentInterface
      ? ['--interface=phones/127.0.0.1', `--interface=agents/${AGENT_MEDIA_ADDRESS.bound}!${AGENT_MEDIA_ADDRESS.advertised}`]
      : ['--interface=127.0.0.1'];
    const args = [
      '--config-file=none',
      '--foreground',
      '--log-stderr',
      '--table=-1',
      ...interfaces,
      `--listen-ng=127.0.0.1:${this.controlPort}`,
      `--port-min=${this.ports.min}`,
      `--port-max=${this.ports.max}`,
      `--log-level=${process.env.AGENT_DESKTOP_RTPENGINE_LOG_LEVEL ?? 4}`,
      '--delete-delay=0',
      ...(this.recordingDir ? [`--recording-dir=${this.recordingDir}`, '--recording-method=pcap', '--recording-format=raw'] : []),
    ];
    const child = spawnLabProcess('rtpengine', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.process = child;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-50_000);
    });
    const stderr = () => this.stderr;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      this.process = null;
      if (code !== 0 && !child.killed) this.logger.error('lab rtpengine exited', { code, signal, stderr: stderr().slice(-2000) });
    });
    child.once('error', (err) => this.logger.error('lab rtpengine could not start', { error: err.message }));
    if (!(await this.answersPing(10_000))) {
      await this.stop();
      throw new Error(`rtpengine did not start (install the Debian package rtpengine-daemon):\n${stderr().slice(-2000)}`);
    }
    this.logger.info('lab rtpengine ready', { control: this.controlPort });
  }

  get running(): boolean {
    return this.process !== null;
  }

  /** What rtpengine logged lately, for a failing test to show. */
  log(): string {
    return this.stderr;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    // Not SIGTERM: rtpengine 10.5 (Debian 12) frees its calls on the way out and crashes (SIGSEGV) when one is still
    // up, as when the demo stops while a customer's call rings. The lab's relay has nothing to save by then (Kamailio
    // is down, and each call's recording was written as it ended), so it is killed outright.
    child.kill('SIGKILL');
    await this.exited;
  }

  /** The ng protocol's ping (a bencoded dictionary behind a cookie) until it answers pong. */
  private async answersPing(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && this.process) {
      const pong = await new Promise<boolean>((resolve) => {
        const socket = createSocket('udp4');
        const timer = setTimeout(() => {
          socket.close();
          resolve(false);
        }, 200);
        socket.once('message', (msg) => {
          clearTimeout(timer);
          socket.close();
          resolve(msg.toString().includes('pong'));
        });
        socket.send('lab1 d7:command4:pinge', this.controlPort, '127.0.0.1');
      });
      if (pong) return true;
    }
    return false;
  }
}

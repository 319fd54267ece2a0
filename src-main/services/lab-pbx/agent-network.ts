import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

/** What the agent's own network does to her call's packets, between her browser and the PBX's media relay. */
export interface AgentNetworkImpairment {
  /** Added to every packet, each way: the round trip grows by twice this. */
  delayMs: number;
  /** Drops everything her browser sends (audio, RTCP and ICE checks alike): her upstream is dead. */
  dropFromAgent: boolean;
}

const CLEAN: AgentNetworkImpairment = { delayMs: 0, dropFromAgent: false };

/** A STUN Binding request (RFC 5389: type 0x0001, magic cookie 0x2112A442): the browser's ICE check. */
function isIceCheck(msg: Buffer): boolean {
  return msg.length >= 20 && msg.readUInt16BE(0) === 0x0001 && msg.readUInt32BE(4) === 0x2112a442;
}

/**
 * Where rtpengine meets agents when the lab impairs their network: it binds its agent-side ports on `bound` and
 * advertises `advertised` in the SDP and ICE candidates it gives the browser, where this relay listens on the same
 * port numbers. Loopback only.
 */
export const AGENT_MEDIA_ADDRESS = { bound: '127.0.0.3', advertised: '127.0.0.2' } as const;

/**
 * A UDP relay on the browser's side of the lab's rtpengine, standing in for the agent's home network: every packet
 * between her browser and rtpengine's agent-side port passes here, so a delay raises the round trip the browser
 * measures (RTCP and ICE consent checks both cross it) and a dead upstream is really dead. The relay on the
 * customer's side (media-relay.ts) cannot do this: the browser's round trip ends at rtpengine.
 *
 * rtpengine is ICE-lite towards agents in this set-up (the lab's Kamailio config), so the only path the browser
 * can check and nominate is the advertised address, this relay: rtpengine never checks the browser's own
 * candidates, which would find a direct path around it.
 */
export class LabAgentNetwork {
  private impairment: AgentNetworkImpairment = CLEAN;
  private sockets: Socket[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private lastCheckAt: number | null = null;
  private readonly checkWaiters: ((at: number) => void)[] = [];

  /**
   * When the browser's last ICE check reached the relay (ms, epoch), or null: where in Chromium's check cycle a
   * change of the line falls, which decides how soon the browser can measure it.
   */
  lastCheckFromAgentAt(): number | null {
    return this.lastCheckAt;
  }

  /** Resolves when the browser's next ICE check reaches the relay, with its time (ms, epoch). */
  nextCheckFromAgent(): Promise<number> {
    return new Promise((resolve) => this.checkWaiters.push(resolve));
  }

  /** Listens on the advertised address for every port of rtpengine's range (rtpengine picks one per call). */
  async start(ports: { min: number; max: number }): Promise<void> {
    if (this.sockets.length > 0) throw new Error('the agent network relay is already running');
    const bound = await Promise.all(Array.from({ length: ports.max - ports.min + 1 }, (_, i) => this.listen(ports.min + i)));
    this.sockets = bound.filter((s): s is Socket => s !== null);
  }

  impair(change: Partial<AgentNetworkImpairment>): void {
    this.impairment = { ...this.impairment, ...change };
  }

  /** Back to a clean line; packets already delayed still arrive. */
  clear(): void {
    this.impairment = CLEAN;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.sockets) socket.close();
    this.sockets = [];
  }

  /** One port: what comes from rtpengine's same port goes to the browser, anything else is the browser's. */
  private async listen(port: number): Promise<Socket | null> {
    const socket = createSocket('udp4');
    const ok = await new Promise<boolean>((resolve) => {
      socket.once('error', () => resolve(false));
      socket.bind(port, AGENT_MEDIA_ADDRESS.advertised, () => resolve(true));
    });
    // A port someone holds on every address is one rtpengine cannot take either: no call will use it.
    if (!ok) return null;
    // A send to a browser that has gone (its call ended) is nothing to stop the relay for.
    socket.on('error', () => undefined);
    let browser: RemoteInfo | null = null;
    socket.on('message', (msg, from) => {
      if (from.address === AGENT_MEDIA_ADDRESS.bound && from.port === port) {
        const to = browser;
        if (to) this.pass(() => socket.send(msg, to.port, to.address));
        return;
      }
      browser = from;
      if (isIceCheck(msg)) this.checkPassed(Date.now());
      if (!this.impairment.dropFromAgent) this.pass(() => socket.send(msg, port, AGENT_MEDIA_ADDRESS.bound));
    });
    return socket;
  }

  private checkPassed(at: number): void {
    this.lastCheckAt = at;
    for (const resolve of this.checkWaiters.splice(0)) resolve(at);
  }

  private pass(send: () => void): void {
    const wait = this.impairment.delayMs;
    if (wait <= 0) return void send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, wait);
    this.timers.add(timer);
  }
}

import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { PhoneStream } from './phone-stream';

/** What the relay does to the audio, each way: extra delay, random jitter on top, a share dropped, or all dropped. */
export interface Impairment {
  delayMs: number;
  jitterMs: number;
  /** 0–1 of the packets dropped at random. */
  loss: number;
  /** Drops everything going to the customer's phone. */
  dropToCaller: boolean;
  /** Drops everything coming from the customer's phone. */
  dropFromCaller: boolean;
}

const CLEAN: Impairment = { delayMs: 0, jitterMs: 0, loss: 0, dropToCaller: false, dropFromCaller: false };

/**
 * A UDP relay on loopback between the lab PBX's media relay (rtpengine) and the customer's phone (SIPp), for the
 * tests and the demo's "bad network": it impairs the real media path of a call. It sits on the plain-RTP side
 * because there the customer's SDP can point rtpengine at it; the browser side is ICE + DTLS-SRTP with candidates
 * rtpengine chooses, which a relay could only join by rewriting ICE.
 */
export class LabMediaRelay {
  private impairment: Impairment = CLEAN;
  private pbxPeer: RemoteInfo | null = null;
  /** What comes back from the phone's echo goes on as one stream of the phone's own (see PhoneStream). */
  private readonly phone = new PhoneStream();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly towardsPbx: Socket,
    private readonly towardsCaller: Socket,
    private readonly callerPort: number,
    /** The port the customer's phone advertises: rtpengine sends here. */
    readonly port: number,
  ) {
    towardsPbx.on('message', (msg, from) => {
      this.pbxPeer = from;
      const i = this.impairment;
      if (!i.dropToCaller) this.pass(msg, () => towardsCaller.send(msg, this.callerPort, '127.0.0.1'));
    });
    // SIPp echoes to the address a packet came from: this socket, which hands it back to rtpengine.
    towardsCaller.on('message', (msg) => {
      const peer = this.pbxPeer;
      if (!peer || this.impairment.dropFromCaller) return;
      const sent = this.phone.renumber(msg, performance.now());
      this.pass(sent, () => towardsPbx.send(sent, peer.port, peer.address));
    });
  }

  /** A relay forwarding to the customer's phone listening on callerPort. */
  static async start(callerPort: number): Promise<LabMediaRelay> {
    const bind = async () => {
      const socket = createSocket('udp4');
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind(0, '127.0.0.1', () => resolve());
      });
      return socket;
    };
    const towardsPbx = await bind();
    const towardsCaller = await bind();
    return new LabMediaRelay(towardsPbx, towardsCaller, callerPort, towardsPbx.address().port);
  }

  impair(change: Partial<Impairment>): void {
    this.impairment = { ...this.impairment, ...change };
  }

  /** Back to a clean line; packets already delayed still arrive. */
  clear(): void {
    this.impairment = CLEAN;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.towardsPbx.close();
    this.towardsCaller.close();
  }

  private pass(msg: Buffer, send: () => void): void {
    const { delayMs, jitterMs, loss } = this.impairment;
    if (loss > 0 && Math.random() < loss) return;
    const wait = delayMs + Math.random() * jitterMs;
    if (wait <= 0) return void send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, wait);
    this.timers.add(timer);
  }
}

import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on loopback between the softphone and the PBX, standing in for a VPN. freeze() makes the links
 * open now go silent without closing (a half-open link over a dead VPN); new connections pass as before.
 */
export class LinkRelay {
  port = 0;
  private server: Server | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  private readonly frozen: Socket[] = [];
  private partitioned = false;

  constructor(private readonly upstreamPort: () => number) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((client) => {
      // A network partition: the connection goes nowhere and nothing comes back, as with packets dropped.
      if (this.partitioned) {
        client.pause();
        this.frozen.push(client);
        return;
      }
      const upstream = connect(this.upstreamPort(), '127.0.0.1');
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      client.pipe(upstream);
      upstream.pipe(client);
      const close = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.once('close', close).on('error', close);
      upstream.once('close', close).on('error', close);
    });
    // Port 0: the kernel hands out a port and binds it in one step; a port picked first and bound after could be
    // taken in between by any other process on a busy machine.
    await new Promise<void>((resolve, reject) => this.server!.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops carrying bytes on every current connection, in both directions, and closes none of them. */
  freeze(): void {
    for (const pair of [...this.pairs]) {
      const [client, upstream] = pair;
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
      this.pairs.delete(pair);
      this.frozen.push(client, upstream);
    }
  }

  /** A partition: current links go silent and new ones reach nothing, until heal(). */
  partition(): void {
    this.partitioned = true;
    this.freeze();
  }

  /** The network is back: silent links are dropped (as TCP would after its retries), new ones pass. */
  heal(): void {
    this.partitioned = false;
    for (const socket of this.frozen.splice(0)) socket.destroy();
  }

  /**
   * Stops carrying the phone's requests on every current connection while the PBX's side still flows and
   * closes: a request sent now is never answered, as when the PBX is going down just as it arrives.
   */
  stallRequests(): void {
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream);
      // Read and discard, so the phone's sends neither reach the PBX nor back up.
      client.on('data', () => undefined);
    }
  }

  async stop(): Promise<void> {
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    for (const socket of this.frozen.splice(0)) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

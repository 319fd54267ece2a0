import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP relay on loopback standing in for the network between desktops and a team server, for the sync
 * benchmark. partition() makes every link go silent and new ones reach nothing, as when packets are dropped;
 * heal() drops the silent links (as TCP gives up on them) and lets new ones through.
 */
export class TcpRelay {
  port = 0;
  private server: Server | null = null;
  private readonly links = new Set<Socket>();
  private partitioned = false;

  constructor(private readonly upstreamPort: () => number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      this.links.add(client);
      client.on('close', () => this.links.delete(client)).on('error', () => client.destroy());
      if (this.partitioned) return void client.pause();
      const upstream = connect(this.upstreamPort(), '127.0.0.1');
      this.links.add(upstream);
      upstream.on('close', () => (this.links.delete(upstream), client.destroy())).on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
    });
    // Port 0: chosen and bound in one step, so no other process on a busy machine can take it in between.
    await new Promise<void>((resolve, reject) => this.server!.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  partition(): void {
    this.partitioned = true;
    for (const s of this.links) {
      s.unpipe();
      s.pause();
    }
  }

  heal(): void {
    this.partitioned = false;
    for (const s of [...this.links]) s.destroy();
  }

  async stop(): Promise<void> {
    for (const s of this.links) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

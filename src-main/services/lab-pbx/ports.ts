import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';

/** A loopback port that is free for both TCP and UDP right now. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
}

/** Resolves once something accepts TCP connections on the port; rejects after the deadline. */
export async function waitForTcp(port: number, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (!isAlive()) throw new Error(`the process meant to listen on 127.0.0.1:${port} exited`);
    if (Date.now() > deadline) throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Resolves once a UDP socket is bound to the port on this machine, read from /proc/net/udp (probing with a bind of
 * our own could take the port from the process starting up); rejects when it exits first or after the deadline.
 */
export async function waitForUdpListener(port: number, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  for (;;) {
    const table = await readFile('/proc/net/udp', 'utf8');
    // Each row: "sl local_address rem_address ..."; local_address is ADDR:PORT in hex.
    if (table.split('\n').some((row) => row.trim().split(/\s+/)[1]?.endsWith(suffix))) return;
    if (!isAlive()) throw new Error(`the process meant to listen on udp 127.0.0.1:${port} exited`);
    if (Date.now() > deadline) throw new Error(`nothing listened on udp 127.0.0.1:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

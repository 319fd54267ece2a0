import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';

/**
 * Lab ports come from below Linux's ephemeral range (32768–60999), where the kernel never hands a port to a socket
 * that did not ask for it by number. A port from the ephemeral range could be taken between our check and the lab
 * process binding it: by Chromium's ICE sockets, any outgoing connection, or rtpengine's media range (SIPp on the
 * PBX's trunk port then exited 254, its bind error). Each module instance (a process, a test worker) walks the
 * range from a random place of its own.
 */
const LAB_PORTS = { first: 12_000, last: 32_000 };
let cursor = randomInt(LAB_PORTS.first, LAB_PORTS.last);

/** The next `count` ports of this process's walk (wrapping at the end of the lab's range). */
function takeFromRange(count: number): number {
  if (cursor + count > LAB_PORTS.last) cursor = LAB_PORTS.first;
  const first = cursor;
  cursor += count;
  return first;
}

/** A loopback port that is free for both TCP and UDP right now. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = takeFromRange(1);
    if ((await tcpFree(port)) && (await udpFree(port))) return port;
  }
}

/**
 * The first of `count` consecutive ports no other freePort of this process hands out, for a process that picks
 * within them itself and skips a port in use (rtpengine's media ports).
 */
export function freePortBlock(count: number): number {
  return takeFromRange(count);
}

function tcpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
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

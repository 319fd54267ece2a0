import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT_MEDIA_ADDRESS, LabAgentNetwork } from './agent-network';
import { freePort } from './ports';

/** Real UDP sockets on loopback: one standing in for rtpengine's agent-side port, one for the browser. */
async function bound(address: string, port = 0): Promise<Socket> {
  const socket = createSocket('udp4');
  socket.bind(port, address);
  await once(socket, 'listening');
  return socket;
}

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

/** The relay on a one-port range, rtpengine's port behind it, and a browser that knows only the advertised address. */
async function lab() {
  const port = await freePort();
  const network = new LabAgentNetwork();
  await network.start({ min: port, max: port });
  const rtpengine = await bound(AGENT_MEDIA_ADDRESS.bound, port);
  const browser = await bound('127.0.0.1');
  open.push({ close: () => network.stop() }, rtpengine, browser);
  return { port, network, rtpengine, browser };
}

describe('LabAgentNetwork', () => {
  it("carries the browser's packets to rtpengine's same port and rtpengine's answers back, from the advertised address", async () => {
    const { port, rtpengine, browser } = await lab();
    const arrived = once(rtpengine, 'message');
    browser.send('check', port, AGENT_MEDIA_ADDRESS.advertised);
    const [msg, from] = (await arrived) as [Buffer, { address: string; port: number }];
    expect(msg.toString()).toBe('check');
    // rtpengine sees the relay as the browser (so it answers there), and the browser hears the address it asked.
    expect(from).toMatchObject({ address: AGENT_MEDIA_ADDRESS.advertised, port });
    const answered = once(browser, 'message');
    rtpengine.send('answer', from.port, from.address);
    const [reply, replyFrom] = (await answered) as [Buffer, { address: string; port: number }];
    expect(reply.toString()).toBe('answer');
    expect(replyFrom).toMatchObject({ address: AGENT_MEDIA_ADDRESS.advertised, port });
  });

  it('adds its delay each way', async () => {
    const { port, network, rtpengine, browser } = await lab();
    network.impair({ delayMs: 150 });
    rtpengine.on('message', (msg, from) => rtpengine.send(msg, from.port, from.address));
    const sent = performance.now();
    const back = once(browser, 'message');
    browser.send('ping', port, AGENT_MEDIA_ADDRESS.advertised);
    await back;
    expect(performance.now() - sent).toBeGreaterThanOrEqual(295);
  });

  it('with her upstream dropped nothing she sends arrives; cleared, it flows again', async () => {
    const { port, network, rtpengine, browser } = await lab();
    const received: string[] = [];
    rtpengine.on('message', (msg) => received.push(msg.toString()));
    network.impair({ dropFromAgent: true });
    await new Promise((sent) => browser.send('lost', port, AGENT_MEDIA_ADDRESS.advertised, sent));
    // Still the way in works, and what rtpengine sends now reaches the relay after "lost": once the browser hears
    // it, the relay has seen "lost" (that is how it knows her address) and dropped it.
    const heard = once(browser, 'message');
    rtpengine.send('probe', port, AGENT_MEDIA_ADDRESS.advertised);
    expect(String((await heard)[0])).toBe('probe');
    network.clear();
    const arrived = once(rtpengine, 'message');
    browser.send('through', port, AGENT_MEDIA_ADDRESS.advertised);
    await arrived;
    expect(received).toEqual(['through']);
  });

  it("notes when the browser's last ICE check (a STUN Binding request) passed, and tells who waits for it; not any other packet", async () => {
    const { port, network, rtpengine, browser } = await lab();
    const pass = async (msg: Buffer) => {
      const arrived = once(rtpengine, 'message');
      browser.send(msg, port, AGENT_MEDIA_ADDRESS.advertised);
      await arrived;
    };
    const next = network.nextCheckFromAgent();
    await pass(Buffer.from('an RTP packet, not a check'));
    expect(network.lastCheckFromAgentAt()).toBeNull();
    // A Binding request's header: type 0x0001, length 0, the magic cookie, a 96-bit transaction id.
    const check = Buffer.concat([Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]), Buffer.alloc(12, 7)]);
    const before = Date.now();
    await pass(check);
    const at = network.lastCheckFromAgentAt();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    // Whoever waited for the next check hears of it (not of the RTP packet before it), with the same time.
    expect(await next).toBe(at);
  });
});

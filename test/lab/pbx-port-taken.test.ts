import { createSocket, type Socket } from 'node:dgram';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { Lab } from './lab-helpers';

// freePort hands out a port that is free when asked; on a busy machine another process can bind it before Kamailio
// or rtpengine does. Here the next port handed out is one a UDP socket of this test already holds.
const taken = vi.hoisted(() => ({ armed: false, port: 0, socket: null as Socket | null }));

vi.mock('../../src-main/services/lab-pbx/ports', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-main/services/lab-pbx/ports')>();
  return {
    ...real,
    freePort: async () => {
      if (!taken.armed) return real.freePort();
      taken.armed = false;
      return taken.port;
    },
  };
});

/** Holds a free UDP port, and makes it the next one freePort hands out. */
async function takeTheNextPort(): Promise<number> {
  const real = await vi.importActual<typeof import('../../src-main/services/lab-pbx/ports')>('../../src-main/services/lab-pbx/ports');
  taken.port = await real.freePort();
  taken.socket = createSocket('udp4');
  await new Promise<void>((resolve) => taken.socket!.bind(taken.port, '127.0.0.1', resolve));
  taken.armed = true;
  return taken.port;
}

describe('a lab process handed a port that was taken before it bound it', () => {
  afterEach(() => {
    taken.socket?.close();
    taken.socket = null;
  });

  let lab: Lab | undefined;
  afterAll(async () => {
    await lab?.stop();
  });

  it('Kamailio starts on fresh ports, and a phone registers with it', async () => {
    const { agentPhone, startLab } = await import('./lab-helpers');
    const held = await takeTheNextPort();
    const agent = { extension: '1301', password: 'lab-secret-1301' };
    lab = await startLab([agent]);
    expect(taken.armed).toBe(false);
    expect(lab.pbx.sipPort).not.toBe(held);
    const phone = agentPhone(lab, agent);
    try {
      await phone.start();
      await phone.waitUntilRegistered();
    } finally {
      await phone.stop();
    }
  });

  it('rtpengine starts on a fresh control port and answers on it', async () => {
    const { labLogger } = await import('./lab-helpers');
    const { LabRtpEngine } = await import('../../src-main/services/lab-pbx/rtpengine');
    const held = await takeTheNextPort();
    const relay = new LabRtpEngine(labLogger);
    try {
      await relay.start();
      expect(taken.armed).toBe(false);
      expect(relay.controlPort).not.toBe(held);
      expect(relay.running).toBe(true);
    } finally {
      await relay.stop();
    }
  });
});

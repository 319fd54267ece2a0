import { createSocket, type Socket } from 'node:dgram';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Lab } from './lab-helpers';

// freePort hands out a port that is free when asked; on a busy machine another process can bind it before Kamailio
// does. Here the first port handed out (the PBX's SIP port) is already held by a UDP socket of this test.
const held = vi.hoisted(() => ({ socket: null as Socket | null, port: 0, handedOut: 0 }));

vi.mock('../../src-main/services/lab-pbx/ports', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-main/services/lab-pbx/ports')>();
  return {
    ...real,
    freePort: async () => (++held.handedOut === 1 && held.port ? held.port : real.freePort()),
  };
});

describe('the lab PBX when a port it was handed is taken before it binds it', () => {
  let lab: Lab | undefined;
  afterAll(async () => {
    await lab?.stop();
    held.socket?.close();
  });

  it('starts on fresh ports, and a phone registers with it', async () => {
    const { agentPhone, startLab } = await import('./lab-helpers');
    const { freePort } = await import('../../src-main/services/lab-pbx/ports');
    const real = await vi.importActual<typeof import('../../src-main/services/lab-pbx/ports')>('../../src-main/services/lab-pbx/ports');
    held.port = await real.freePort();
    held.socket = createSocket('udp4');
    await new Promise<void>((resolve) => held.socket!.bind(held.port, '127.0.0.1', resolve));
    expect(freePort).not.toBe(real.freePort);

    const agent = { extension: '1301', password: 'lab-secret-1301' };
    lab = await startLab([agent]);
    expect(held.handedOut).toBeGreaterThan(3);
    expect(lab.pbx.sipPort).not.toBe(held.port);
    const phone = agentPhone(lab, agent);
    try {
      await phone.start();
      await phone.waitUntilRegistered();
    } finally {
      await phone.stop();
    }
  });
});

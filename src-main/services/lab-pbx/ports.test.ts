import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freePort, freePortBlock } from './ports';

// The kernel's ephemeral range, as this machine has it: any socket may be given a port in it without asking.
const [ephemeralFirst] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/u).map(Number);

describe('lab ports', () => {
  it('never come from the ephemeral range, where another process could be given them before the lab binds them', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) expect(port).toBeLessThan(ephemeralFirst!);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('are not handed out again from a block given to rtpengine', async () => {
    const first = freePortBlock(400);
    const later = await Promise.all(Array.from({ length: 50 }, () => freePort()));
    expect(first + 399).toBeLessThan(ephemeralFirst!);
    for (const port of later) expect(port < first || port > first + 399).toBe(true);
  });
});

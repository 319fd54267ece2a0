import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AgentState } from '../../../../src-shared/domain/agent-state';
import type { FloorMember } from '../../../../src-shared/domain/floor';
import { silentLogger } from '../../../app/logger';
import { FloorWatch } from '../../../services/floor/floor-watch';
import { LabKamailio } from '../../../services/lab-pbx/kamailio';
import { agentPidf } from '../../../services/presence/pidf';
import { Softphone } from '../../../services/softphone/softphone';
import type { CommandContext } from '../command';
import { percentile, round } from './stats';

const AGENTS = { small: 30, full: 200 };
const state = (s: AgentState['state'], reasonCode: string | null = null): AgentState => ({ state: s, reasonCode, since: 0, acw: null });

/**
 * The team lead's floor board against the lab PBX with N registered agents: how long from an agent's state change
 * (its PUBLISH leaving) to the board's store holding it, one change at a time; then every agent changing at once,
 * NOTIFYs handled per second; and how long unsubscribing everything takes on exit.
 */
export async function benchPresence(ctx: CommandContext, scale: 'small' | 'full') {
  const labDir = resolve(ctx.resourcesDir, '..', 'test', 'lab');
  const dir = mkdtempSync(join(tmpdir(), 'bench-presence-'));
  const agents = Array.from({ length: AGENTS[scale] }, (_, i) => ({ extension: `5${String(i).padStart(3, '0')}`, password: `bench-secret-${i}` }));
  const lead = { extension: '5999', password: 'bench-secret-lead' };
  const pbx = new LabKamailio({ labDir, runDir: dir, agents: [...agents, lead], logger: silentLogger });
  const phoneOf = (a: { extension: string; password: string }) =>
    new Softphone({ server: pbx.wsUrl, domain: '127.0.0.1', extension: a.extension, displayName: a.extension, password: a.password }, silentLogger);
  await pbx.start();
  const phones = agents.map(phoneOf);
  const leadPhone = phoneOf(lead);
  let floor: FloorWatch | null = null;
  try {
    // Registered in waves of 25, as a shift logging in would.
    for (let i = 0; i < phones.length; i += 25) await Promise.all(phones.slice(i, i + 25).map(async (p) => (await p.start(), p.waitUntilRegistered())));
    await leadPhone.start();
    await leadPhone.waitUntilRegistered();
    floor = new FloorWatch(leadPhone.userAgent, agents.map((a) => ({ extension: a.extension, name: a.extension })), '127.0.0.1', silentLogger);
    const subscribeStart = performance.now();
    await floor.start();
    const subscribeMs = performance.now() - subscribeStart;
    const watch = floor;
    watch.setMaxListeners(agents.length + 10);
    watch.setMaxListeners(agents.length + 10);
    const seen = (extension: string, want: FloorMember['state']) =>
      new Promise<number>((done) => {
        const check = (m: FloorMember) => {
          if (m.extension !== extension || m.state !== want) return;
          watch.off('changed', check);
          done(performance.now());
        };
        watch.on('changed', check);
      });

    // One change at a time: PUBLISH out → NOTIFY in → store updated.
    const delays: number[] = [];
    for (const [i, a] of agents.entries()) {
      const next = i % 2 === 0 ? state('ready') : state('not-ready', 'break');
      const arrived = seen(a.extension, next.state);
      const sentAt = performance.now();
      phones[i]!.publishPresence(agentPidf(`sip:${a.extension}@127.0.0.1`, next, null));
      delays.push((await arrived) - sentAt);
    }

    // Everyone at once (a shift change): NOTIFYs handled per second.
    const before = watch.notifies;
    const all = Promise.all(agents.map((a) => seen(a.extension, 'after-call-work')));
    const burstStart = performance.now();
    phones.forEach((p, i) => p.publishPresence(agentPidf(`sip:${agents[i]!.extension}@127.0.0.1`, state('after-call-work'), null)));
    await all;
    const burstMs = performance.now() - burstStart;
    const notifiesHandled = watch.notifies - before;

    const unsubscribeStart = performance.now();
    await watch.stop();
    const unsubscribeMs = performance.now() - unsubscribeStart;
    floor = null;

    const p95 = percentile(delays, 95);
    return {
      benchmark: 'presence',
      scale,
      agents: agents.length,
      subscriptions: agents.length * 2,
      subscribeAllMs: round(subscribeMs, 1),
      stateChangeToBoardMs: { p50: round(percentile(delays, 50)), p95: round(p95), max: round(Math.max(...delays)) },
      burst: { notifies: notifiesHandled, ms: round(burstMs, 1), notifiesPerSecond: round((notifiesHandled / burstMs) * 1000, 0) },
      unsubscribeAllMs: round(unsubscribeMs, 1),
      goals: { stateChangeP95AtMost50ms: { value: round(p95), met: p95 <= 50 } },
    };
  } finally {
    await floor?.stop();
    await Promise.all([...phones, leadPhone].map((p) => p.stop().catch(() => undefined)));
    await pbx.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { silentLogger } from '../../../app/logger';
import { Cache } from '../../../services/db/cache';
import { CustomerPhone, inviteCallId, inviteSentAt } from '../../../services/lab-pbx/customer-phone';
import { LabKamailio } from '../../../services/lab-pbx/kamailio';
import { ScreenPopService } from '../../../services/screen-pop/screen-pop';
import { Softphone } from '../../../services/softphone/softphone';
import type { CommandContext } from '../command';
import { percentile, round } from './stats';

const CALLS = { small: 30, full: 100 };
const AGENT = { extension: '1001', password: 'bench-secret-1001' };

/**
 * Wall-clock milliseconds with sub-millisecond precision, comparable with the PBX's and SIPp's timestamps: the
 * monotonic clock plus its offset from the system clock, measured now (timeOrigin drifts in a long-lived process).
 */
function systemClock(): () => number {
  let offset = -Infinity;
  // Date.now() only counts whole milliseconds: the largest difference, sampled across a few ticks, is the offset.
  for (const end = performance.now() + 3; performance.now() < end; ) offset = Math.max(offset, Date.now() - performance.now());
  return () => performance.now() + offset;
}

/**
 * The softphone against the lab PBX: from SIPp sending the INVITE to the incoming-call event in main, and to the
 * screen-pop data being ready; and how soon the agent is registered again after the PBX restarts.
 */
export async function benchSip(ctx: CommandContext, scale: 'small' | 'full') {
  const labDir = resolve(ctx.resourcesDir, '..', 'test', 'lab');
  const dir = mkdtempSync(join(tmpdir(), 'bench-sip-'));
  const pbx = new LabKamailio({ labDir, runDir: dir, agents: [AGENT], logger: silentLogger });
  const customer = new CustomerPhone(labDir, dir, () => pbx.sipPort);
  const cache = new Cache(join(dir, 'cache.sqlite'));
  cache.customers.upsert({ externalId: 'C-1', name: '王小明', tier: 'vip', preferredLanguage: 'zh-CN', notes: '', tags: [], phones: ['+8613812345678'] });
  const pop = new ScreenPopService(cache, 'CN');
  await pbx.start();
  const phone = new Softphone({ server: pbx.wsUrl, domain: '127.0.0.1', extension: AGENT.extension, displayName: 'Bench', password: AGENT.password }, silentLogger);
  try {
    await phone.start();
    await phone.waitUntilRegistered();
    const wallClock = systemClock();
    const toEvent: number[] = [];
    const toPop: number[] = [];
    const sippLoggedToEvent: number[] = [];
    const inPbx: number[] = [];
    for (let i = 0; i < CALLS[scale]; i++) {
      const messageLog = join(dir, `call-${i}.log`);
      let eventAt = 0;
      let popAt = 0;
      const rang = new Promise<void>((done) =>
        phone.once('incoming', (call) => {
          eventAt = wallClock();
          pop.lookup(call.remoteNumber, call.headers.customerId);
          popAt = wallClock();
          void phone.reject(call.callId, 486).then(() => done());
        }),
      );
      const run = await customer.call({ caller: '+8613812345678', callerName: '王小明', agent: AGENT.extension, queue: 'complaints', messageLog });
      await rang;
      await run.done;
      const log = readFileSync(messageLog, 'utf8');
      // The start line is when the INVITE reached the PBX, from Kamailio's log; on loopback that is microseconds
      // after SIPp sent it. SIPp's own log time is kept for comparison: it reads a clock cached per loop pass.
      const callId = inviteCallId(log);
      let arrivedAt = pbx.inviteArrivedAt(callId);
      // Kamailio's log line comes through a pipe and may trail the call by a moment.
      for (let waited = 0; arrivedAt === null && waited < 1000; waited += 20) {
        await new Promise((r) => setTimeout(r, 20));
        arrivedAt = pbx.inviteArrivedAt(callId);
      }
      if (arrivedAt === null) throw new Error('the lab PBX did not log the INVITE arriving');
      toEvent.push(eventAt - arrivedAt);
      const relayedAt = pbx.inviteRelayedAt(callId);
      if (relayedAt !== null) inPbx.push(relayedAt - arrivedAt);
      toPop.push(popAt - arrivedAt);
      sippLoggedToEvent.push(eventAt - inviteSentAt(log));
    }

    // The PBX restarts: time from it listening again to the agent being registered again.
    const registeredAgain = new Promise<number>((done) => {
      const check = () => {
        if (phone.status.registered && pbx.running) {
          phone.off('status', check);
          done(wallClock());
        }
      };
      phone.on('status', check);
    });
    await pbx.stop();
    await pbx.start();
    const backAt = wallClock();
    const reRegisterMs = (await registeredAgain) - backAt;

    const stats = (xs: number[]) => ({ p50: round(percentile(xs, 50)), p95: round(percentile(xs, 95)), max: round(Math.max(...xs)) });
    return {
      benchmark: 'sip',
      scale,
      calls: CALLS[scale],
      inviteToIncomingEventMs: stats(toEvent),
      inviteToScreenPopMs: stats(toPop),
      sippLoggedInviteToIncomingEventMs: stats(sippLoggedToEvent),
      // Of the first figure, the time inside the PBX: INVITE arrived → handed on towards the agent.
      inviteInsidePbxMs: stats(inPbx),
      reRegisterAfterPbxRestartMs: round(reRegisterMs, 1),
      goals: {
        eventP95AtMost15ms: { value: round(percentile(toEvent, 95)), met: percentile(toEvent, 95) <= 15 },
        popP95AtMost25ms: { value: round(percentile(toPop, 95)), met: percentile(toPop, 95) <= 25 },
        reRegisteredWithin2s: { value: round(reRegisterMs, 1), met: reRegisterMs <= 2000 },
      },
    };
  } finally {
    await phone.stop();
    customer.stopAll();
    await pbx.stop();
    cache.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

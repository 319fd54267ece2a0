import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_SETTINGS } from '../../src-shared/domain/agent-state';
import type { Call } from '../../src-shared/domain/call';
import { Cache } from '../services/db/cache';
import { CallRecorder } from '../services/contacts/call-recorder';
import type { Softphone } from '../services/softphone/softphone';
import { AgentWorkflow } from './agent-workflow';
import { EventBus } from './event-bus';
import { silentLogger } from './logger';

/** The phone as the workflow sees it: calls ending, nothing else. */
class PhoneStub extends EventEmitter {
  setInboundPolicy(): void {}
  listCalls(): Call[] {
    return [];
  }
  publishPresence(): void {}
}

const call = (callId: string, startedAt: number, answeredAt: number | null, endedAt: number): Call => ({
  callId,
  direction: 'inbound',
  state: 'ended',
  remoteNumber: '+8613800000001',
  displayName: null,
  headers: { queue: 'complaints', customerId: null, ivrPath: null, language: null },
  startedAt,
  answeredAt,
  endedAt,
  endReason: answeredAt === null ? 'caller hung up' : 'hung up',
  hold: 'off',
  muted: false,
  recording: 'off',
  transfer: null,
  consultFor: null,
});

let cache: Cache;
let workflow: AgentWorkflow;
afterEach(() => {
  workflow?.dispose();
  cache?.close();
});

function setUp() {
  let now = 1_000_000;
  cache = new Cache(join(mkdtempSync(join(tmpdir(), 'acw-')), 'cache.sqlite'));
  const recorder = new CallRecorder(cache.contacts, () => ({ customerId: null, number: '+8613800000001' }), '1001');
  const phone = new PhoneStub();
  workflow = new AgentWorkflow(phone as unknown as Softphone, { ...DEFAULT_AGENT_SETTINGS, acwSeconds: 600 }, recorder, new EventBus(), 'sip:1001@pbx', silentLogger, () => now);
  const row = (callId: string) =>
    cache.db.prepare<[string], { acw_s: number; answered: number }>('SELECT acw_s, answered FROM contacts WHERE external_id = ?').get(`call:${callId}`);
  return { phone, row, advance: (ms: number) => (now += ms), at: () => now };
}

describe('after-call work and answering on the call record', () => {
  it('the seconds from hang-up to leaving after-call work land on the call, and stay when the disposition comes later', () => {
    const { phone, row, advance, at } = setUp();
    phone.emit('ended', { call: call('a', at() - 60_000, at() - 55_000, at()), holdMs: 0 });
    advance(42_000);
    workflow.setDisposition('a', 'resolved');
    workflow.agent.finishAcw();
    expect(row('a')).toEqual({ acw_s: 42, answered: 1 });
  });

  it('a call that only rang is recorded as not answered, with no after-call work', () => {
    const { phone, row, at } = setUp();
    phone.emit('ended', { call: call('b', at() - 20_000, null, at()), holdMs: 0 });
    expect(row('b')).toEqual({ acw_s: 0, answered: 0 });
  });

  it('work on a call stops when the next call begins; the rest counts for the new call', () => {
    const { phone, row, advance, at } = setUp();
    phone.emit('ended', { call: call('c1', at() - 60_000, at() - 50_000, at()), holdMs: 0 });
    const acwStart = at();
    advance(100_000);
    // A callback she placed 10 s into her work on c1.
    phone.emit('ended', { call: call('c2', acwStart + 10_000, acwStart + 15_000, at()), holdMs: 0 });
    advance(20_000);
    workflow.setDisposition('c1', 'resolved');
    workflow.setDisposition('c2', 'resolved');
    workflow.agent.finishAcw();
    expect(row('c1')).toEqual({ acw_s: 10, answered: 1 });
    expect(row('c2')).toEqual({ acw_s: 20, answered: 1 });
  });
});

describe('a call the desktop closes on in after-call work', () => {
  it('goes to the team with its work so far when its disposition was chosen, instead of never', () => {
    const { phone, advance, at } = setUp();
    cache.sync.enabled = true;
    phone.emit('ended', { call: call('q', at() - 60_000, at() - 50_000, at()), holdMs: 0 });
    advance(30_000);
    workflow.setDisposition('q', 'resolved');
    const shared = () => cache.callsOutbox.pending(10).filter((p) => p.mutation.kind === 'contact.record');
    expect(shared()).toEqual([]);
    workflow.dispose();
    expect(shared().map((p) => p.mutation)).toMatchObject([{ contact: { disposition: 'resolved', acwS: 30, answered: true } }]);
  });
});

import { EventEmitter } from 'node:events';
import { Subscriber, SubscriptionState, UserAgent, type Notification, type URI } from 'sip.js';
import type { FloorMember } from '../../../src-shared/domain/floor';
import type { Logger } from '../../app/logger';
import { readAgentPresence, readCallQuality } from '../presence/pidf';
import { poorStreak, type CallQualityLevel } from '../../../src-shared/quality/level';
import { DialogProgress, parseDialogInfo, type DialogEntry } from './dialog-info';

export interface TeamMember {
  extension: string;
  name: string;
}

const EXPIRES_S = 600;
const UNSUBSCRIBE_WAIT_MS = 2000;
const FIRST_NOTIFY_WAIT_MS = 5000;

/** The call a member is on, from their dialogs: answered beats ringing; none left is no call. */
function currentCall(dialogs: DialogEntry[]): { state: 'ringing' | 'on-call'; dialog: DialogEntry } | null {
  const live = dialogs.filter((d) => d.state !== 'terminated');
  const confirmed = live.find((d) => d.state === 'confirmed');
  if (confirmed) return { state: 'on-call', dialog: confirmed };
  return live[0] ? { state: 'ringing', dialog: live[0] } : null;
}

/**
 * A team lead's view of the floor, from SIP subscriptions to the PBX for each team member: presence (the agent's
 * published state, PIDF) and dialog (RFC 4235, the busy-lamp field). Each NOTIFY updates one member and says so
 * with 'changed'. stop() unsubscribes, so the PBX forgets the watcher and shutdown does not wait on it.
 */
export class FloorWatch extends EventEmitter<{ changed: [FloorMember] }> {
  private readonly members = new Map<string, FloorMember>();
  /** Each member's last calls' quality (the level her call had when it ended), newest last. */
  private readonly lastCalls = new Map<string, CallQualityLevel[]>();
  /** The latest quality each member published during her current call (her presence may go before her dialog). */
  private readonly callQuality = new Map<string, CallQualityLevel>();
  /** Each member's dialogs as far as the PBX reported them (a late report of an earlier state is stale). */
  private readonly dialogs = new Map<string, DialogProgress>();
  private readonly subscribers: Subscriber[] = [];
  /** NOTIFYs handled so far (for the benchmark). */
  notifies = 0;

  constructor(
    private readonly ua: UserAgent,
    team: readonly TeamMember[],
    private readonly domain: string,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    super();
    for (const m of team) {
      this.members.set(m.extension, { extension: m.extension, name: m.name, state: 'offline', reason: null, stateSince: now(), queue: null, call: null });
    }
  }

  board(): FloorMember[] {
    return [...this.members.values()];
  }

  async start(): Promise<void> {
    const subscribing: Promise<void>[] = [];
    for (const extension of this.members.keys()) {
      const target = UserAgent.makeURI(`sip:${extension}@${this.domain}`);
      if (!target) throw new Error(`team member ${extension} is not a valid SIP user`);
      subscribing.push(this.subscribe(target, 'presence', 'application/pidf+xml', (body) => this.onPresence(extension, body)));
      subscribing.push(this.subscribe(target, 'dialog', 'application/dialog-info+xml', (body) => this.onDialog(extension, body)));
    }
    await Promise.all(subscribing);
  }

  /** Unsubscribes everything (SUBSCRIBE with Expires: 0), waiting at most 2 s for the PBX. */
  async stop(): Promise<void> {
    const all = this.subscribers.splice(0);
    const done = Promise.allSettled(all.map((s) => s.unsubscribe().then(() => s.dispose())));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise((r) => (timer = setTimeout(r, UNSUBSCRIBE_WAIT_MS)))]);
    clearTimeout(timer);
    await Promise.allSettled(all.map((s) => s.dispose()));
  }

  /** Resolves once the PBX sent the subscription's first NOTIFY (the board is live for it), or it failed. */
  private subscribe(target: URI, event: string, accept: string, onBody: (body: string) => void) {
    const subscriber = new Subscriber(this.ua, target, event, { expires: EXPIRES_S, extraHeaders: [`Accept: ${accept}`] });
    let live: () => void = () => {};
    const first = new Promise<void>((resolve) => (live = resolve));
    subscriber.delegate = {
      onNotify: (notification: Notification) => {
        void notification.accept();
        this.notifies += 1;
        onBody(notification.request.body ?? '');
        live();
      },
    };
    subscriber.stateChange.addListener((state) => {
      if (state !== SubscriptionState.Terminated) return;
      live();
      if (this.subscribers.includes(subscriber)) this.log.warn('floor: subscription ended by the PBX', { event, target: target.toString() });
    });
    this.subscribers.push(subscriber);
    subscriber.subscribe().catch((err: Error) => {
      live();
      this.log.warn('floor: subscription failed', { event, target: target.toString(), error: err.message });
    });
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([first, new Promise<void>((r) => (timer = setTimeout(r, FIRST_NOTIFY_WAIT_MS)))]).finally(() => clearTimeout(timer));
  }

  private onPresence(extension: string, body: string): void {
    const member = this.members.get(extension);
    if (!member) return;
    const { state, reason, queue } = readAgentPresence(body);
    const quality = readCallQuality(body);
    const connectionTest = readCallQuality(body, 'connection-test');
    if (quality) this.callQuality.set(extension, quality);
    if (state === member.state && reason === member.reason) {
      const same = queue === member.queue && quality === (member.quality ?? null) && connectionTest === (member.connectionTest ?? null);
      if (!same) this.update({ ...member, queue, quality, connectionTest });
      return;
    }
    this.update({ ...member, state, reason, queue, quality, connectionTest, stateSince: this.now() });
  }

  private onDialog(extension: string, body: string): void {
    const member = this.members.get(extension);
    const info = parseDialogInfo(body);
    if (!member || !info) return;
    let progress = this.dialogs.get(extension);
    if (!progress) this.dialogs.set(extension, (progress = new DialogProgress()));
    const found = currentCall(progress.settle(info));
    if (!found) {
      if (member.call !== null && info.full) this.update({ ...this.callEnded(member), call: null });
      return;
    }
    const same = member.call?.state === found.state;
    this.update({
      ...member,
      call: {
        state: found.state,
        since: same && member.call ? member.call.since : this.now(),
        direction: found.dialog.direction === 'initiator' ? 'outbound' : found.dialog.direction === 'recipient' ? 'inbound' : null,
        remote: found.dialog.remote,
      },
    });
  }

  /** A member's call ended: the quality it had goes into her last calls, and the streak is judged again. */
  private callEnded(member: FloorMember): FloorMember {
    const quality = this.callQuality.get(member.extension);
    this.callQuality.delete(member.extension);
    if (member.call?.state !== 'on-call' || !quality) return member;
    const calls = [...(this.lastCalls.get(member.extension) ?? []), quality].slice(-3);
    this.lastCalls.set(member.extension, calls);
    return { ...member, quality: null, poorStreak: poorStreak(calls) };
  }

  private update(member: FloorMember): void {
    this.members.set(member.extension, member);
    this.emit('changed', member);
  }
}

import { Invitation, Inviter, SessionState, type Session } from 'sip.js';
import type { Call, TransferState } from '../../../src-shared/domain/call';
import { ContractError } from '../../../src-shared/contract';
import { sipfragStatus, statusText, targetUri } from './sip-text';

/** What a media handler may add to sip.js's SessionDescriptionHandler: muting the agent's microphone. */
interface Mutable {
  setMuted?(muted: boolean): void;
}

const DTMF = /^[0-9A-D#*]{1,32}$/;

/**
 * One call and the sip.js session carrying it: hold, mute, DTMF and transfers. Every change goes out through
 * onChange as a new Call value; the Call is what the agent sees, so it only says what the far end confirmed.
 */
export class CallLeg {
  /** Milliseconds on hold so far, for the call record. */
  holdMs = 0;
  private heldSince: number | null = null;
  disposition: string | null = null;

  constructor(
    public call: Call,
    readonly session: Session,
    private readonly onChange: (leg: CallLeg) => void,
    private readonly now: () => number,
  ) {}

  update(patch: Partial<Call>): void {
    if (patch.hold !== undefined) {
      if (patch.hold === 'held' && this.heldSince === null) this.heldSince = this.now();
      if (patch.hold === 'off' && this.heldSince !== null) {
        this.holdMs += this.now() - this.heldSince;
        this.heldSince = null;
      }
    }
    if (patch.state === 'ended' && this.heldSince !== null) {
      this.holdMs += this.now() - this.heldSince;
      this.heldSince = null;
    }
    this.call = { ...this.call, ...patch };
    this.onChange(this);
  }

  private requireActive(what: string): void {
    if (this.call.state !== 'active' || this.session.state !== SessionState.Established) {
      throw new ContractError('FAILED', `${what} needs a connected call.`, undefined, { key: 'mainError.call.needsConnected' });
    }
  }

  /** Hold or resume by re-INVITE (sendonly / sendrecv); 'held' only after the 200 OK. */
  async setHold(on: boolean): Promise<Call> {
    this.requireActive(on ? 'Hold' : 'Resume');
    if (this.call.hold === (on ? 'held' : 'off')) return this.call;
    if (this.call.hold === 'holding' || this.call.hold === 'resuming') {
      throw new ContractError('FAILED', 'The previous hold request is still waiting for an answer; try again in a moment.', undefined, {
        key: 'mainError.call.holdPending',
      });
    }
    const before = this.call.hold;
    this.update({ hold: on ? 'holding' : 'resuming' });
    const outcome = await new Promise<{ ok: true } | { ok: false; why: string }>((resolve) => {
      this.session
        .invite({
          sessionDescriptionHandlerOptions: { hold: on } as object,
          requestDelegate: {
            onAccept: () => resolve({ ok: true }),
            onReject: (r) => resolve({ ok: false, why: statusText(r.message) }),
          },
        })
        .catch((err: Error) => resolve({ ok: false, why: err.message }));
    });
    if (outcome.ok) {
      this.update({ hold: on ? 'held' : 'off' });
      return this.call;
    }
    // sip.js keeps the refused options for the next re-INVITE; put back what is really in force.
    this.session.sessionDescriptionHandlerOptionsReInvite = { hold: before === 'held' } as object;
    this.update({ hold: before });
    throw new ContractError('FAILED', `The other side refused ${on ? 'hold' : 'resume'} (${outcome.why}); the call is ${before === 'held' ? 'still on hold' : 'not on hold'}.`, undefined, {
      key: before === 'held' ? 'mainError.call.refusedStillHeld' : 'mainError.call.refusedNotHeld',
      params: { why: outcome.why },
    });
  }

  setMuted(muted: boolean): Call {
    this.requireActive('Mute');
    (this.session.sessionDescriptionHandler as Mutable | undefined)?.setMuted?.(muted);
    this.update({ muted });
    return this.call;
  }

  /**
   * Secure pause: asks the PBX to stop (or restart) recording with an in-dialog INFO it answers itself, and says
   * "paused" only after its 200. A refusal (the call is not recorded, the PBX could not) leaves the state as it was
   * and says why.
   */
  async setRecordingPaused(paused: boolean): Promise<Call> {
    this.requireActive(paused ? 'Pausing the recording' : 'Resuming the recording');
    const before = this.call.recording;
    if (before === (paused ? 'paused' : 'on')) return this.call;
    if (before === 'off') {
      throw new ContractError('FAILED', 'This call is not recorded, so there is nothing to pause.', undefined, { key: 'mainError.recording.notRecorded' });
    }
    if (before === 'pausing' || before === 'resuming') {
      throw new ContractError('FAILED', 'The last recording request is still waiting for the PBX; try again in a moment.', undefined, {
        key: 'mainError.recording.pending',
      });
    }
    this.update({ recording: paused ? 'pausing' : 'resuming' });
    const outcome = await new Promise<{ ok: true } | { ok: false; why: string }>((resolve) => {
      this.session
        .info({
          requestOptions: { body: { contentDisposition: 'render', contentType: 'application/x-agent-recording', content: paused ? 'pause' : 'resume' } },
          requestDelegate: {
            onAccept: () => resolve({ ok: true }),
            onReject: (r) => resolve({ ok: false, why: statusText(r.message) }),
          },
        })
        .catch((err: Error) => resolve({ ok: false, why: err.message }));
    });
    if (outcome.ok) {
      this.update({ recording: paused ? 'paused' : 'on' });
      return this.call;
    }
    this.update({ recording: before });
    throw new ContractError('FAILED', `The PBX refused to ${paused ? 'pause' : 'resume'} the recording (${outcome.why}); it is still ${before === 'paused' ? 'paused' : 'recording'}.`, undefined, {
      key: before === 'paused' ? 'mainError.recording.refusedStillPaused' : 'mainError.recording.refusedStillRecording',
      params: { why: outcome.why },
    });
  }

  /** RFC 4733 through the media handler when it can; otherwise SIP INFO (application/dtmf-relay), one per tone. */
  async sendDtmf(tones: string): Promise<{ method: 'rfc4733' | 'info' }> {
    this.requireActive('Dialling digits');
    if (!DTMF.test(tones)) throw new ContractError('INVALID_REQUEST', 'Digits may be 0–9, *, # and A–D.', undefined, { key: 'mainError.call.badDigits' });
    const sdh = this.session.sessionDescriptionHandler;
    if (sdh?.sendDtmf(tones, { duration: 160, interToneGap: 70 })) return { method: 'rfc4733' };
    for (const tone of tones) {
      await this.session.info({
        requestOptions: {
          body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=160\r\n` },
        },
      });
    }
    return { method: 'info' };
  }

  /** REFER to a number or address; the NOTIFYs say how it goes. On success the agent's leg ends. */
  async blindTransfer(target: string, domain: string): Promise<Call> {
    this.requireActive('Transfer');
    return this.refer({ kind: 'blind', target }, targetUri(target, domain));
  }

  /** REFER with Replaces: the customer is joined to the consultation call's party, the agent leaves both. */
  async attendedTransfer(consult: CallLeg): Promise<Call> {
    this.requireActive('Transfer');
    consult.requireActive('Transfer');
    return this.refer({ kind: 'attended', target: consult.call.remoteNumber }, consult.session, consult);
  }

  private async refer(
    what: Pick<TransferState, 'kind' | 'target'>,
    referTo: Parameters<Session['refer']>[0],
    consult?: CallLeg,
  ): Promise<Call> {
    if (this.call.transfer && !['failed', 'succeeded'].includes(this.call.transfer.progress)) {
      throw new ContractError('FAILED', 'A transfer of this call is already under way.', undefined, { key: 'mainError.call.transferUnderway' });
    }
    const progress = (p: TransferState['progress'], detail: string | null) =>
      this.update({ transfer: { ...what, progress: p, detail } });
    progress('trying', null);
    await this.session.refer(referTo, {
      requestDelegate: {
        onAccept: () => progress('accepted', null),
        onReject: (r) => progress('failed', statusText(r.message)),
      },
      onNotify: (notification) => {
        void notification.accept();
        const status = sipfragStatus(notification.request.body ?? '');
        if (!status || status.code < 180) return;
        if (status.code < 200) return progress('ringing', `${status.code} ${status.phrase}`);
        if (status.code < 300) {
          progress('succeeded', `${status.code} ${status.phrase}`);
          // The transferee now talks to the target: the agent's legs are done.
          void this.end();
          if (consult) void consult.end();
          return;
        }
        progress('failed', `${status.code} ${status.phrase}`);
      },
    });
    return this.call;
  }

  /** Ends the call whatever state it is in. */
  async end(): Promise<void> {
    const s = this.session;
    if (s.state === SessionState.Established) await s.bye().catch(() => undefined);
    else if (s instanceof Invitation && s.state === SessionState.Initial) await s.reject({ statusCode: 603 }).catch(() => undefined);
    else if (s instanceof Inviter && (s.state === SessionState.Initial || s.state === SessionState.Establishing)) await s.cancel().catch(() => undefined);
    else if (s.state !== SessionState.Terminated) await s.dispose().catch(() => undefined);
  }
}

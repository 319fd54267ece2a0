import type { RecordingState } from '../../../src-shared/domain/call';

/** What the agent sees beside a sensitive field. */
export type SensitivePauseView =
  | { state: 'idle' }
  /** Asked the PBX; not shown as paused until it confirms. */
  | { state: 'pausing' }
  | { state: 'paused'; resumeAt: number }
  | { state: 'resuming' }
  /** The countdown ran out while the field still had focus: recording runs again, and she is told so. */
  | { state: 'resumed-by-countdown' };

export interface SensitivePauseDeps {
  /** The same PBX path as the call bar's pause; resolves to the state the PBX confirmed (null: refused or failed). */
  pause(callId: string, paused: boolean): Promise<RecordingState | null>;
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  changed(view: SensitivePauseView): void;
}

/**
 * Auto-pause for fields marked sensitive: focus pauses the call's recording through the PBX, leaving the field
 * resumes it, and a countdown resumes it anyway. It only ever undoes a pause it made: a call not recorded, or one
 * the agent paused herself, is left as it is.
 */
export class SensitivePause {
  private view: SensitivePauseView = { state: 'idle' };
  private callId: string | null = null;
  private focused = false;
  private timer: unknown = null;

  constructor(
    private readonly deps: SensitivePauseDeps,
    private readonly seconds: () => number,
  ) {}

  get current(): SensitivePauseView {
    return this.view;
  }

  /** A sensitive field took focus during this call (null: no call). */
  focus(call: { callId: string; recording: RecordingState } | null): void {
    this.focused = true;
    if (this.view.state === 'pausing' || this.view.state === 'paused') return;
    if (!call || call.recording !== 'on') return;
    this.callId = call.callId;
    this.show({ state: 'pausing' });
    void this.deps.pause(call.callId, true).then((confirmed) => {
      if (this.callId !== call.callId || this.view.state !== 'pausing') return;
      if (confirmed !== 'paused') return this.reset();
      // Left the field while the PBX was answering: resume at once.
      if (!this.focused) return this.resume('idle');
      this.show({ state: 'paused', resumeAt: this.deps.now() + this.seconds() * 1000 });
      this.timer = this.deps.setTimer(() => this.resume('resumed-by-countdown'), this.seconds() * 1000);
    });
  }

  /** Focus left the sensitive field (not for another sensitive one). */
  blur(): void {
    this.focused = false;
    if (this.view.state === 'paused') this.resume('idle');
    else if (this.view.state === 'resumed-by-countdown') this.show({ state: 'idle' });
  }

  /** The call ended or changed: nothing left to resume. */
  callGone(): void {
    this.reset();
  }

  private resume(after: 'idle' | 'resumed-by-countdown'): void {
    const callId = this.callId;
    this.clear();
    if (!callId) return this.reset();
    this.show({ state: 'resuming' });
    void this.deps.pause(callId, false).then((confirmed) => {
      if (this.callId !== callId || this.view.state !== 'resuming') return;
      // Refused: the call bar still says "paused" (from the PBX) and the refusal is shown there.
      if (confirmed !== 'on') return this.reset();
      // Back in a sensitive field while the resume was on its way: pause again, or she types with the tape running.
      if (this.focused && after === 'idle') {
        this.show({ state: 'idle' });
        return this.focus({ callId, recording: 'on' });
      }
      this.show({ state: after });
      if (after === 'idle') this.callId = null;
    });
  }

  private reset(): void {
    this.clear();
    this.callId = null;
    this.show({ state: 'idle' });
  }

  private clear(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private show(view: SensitivePauseView): void {
    this.view = view;
    this.deps.changed(view);
  }
}

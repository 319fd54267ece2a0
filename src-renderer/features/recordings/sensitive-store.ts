import { create } from 'zustand';
import { pauseRecording, useWorkspace } from '../softphone';
import { SensitivePause, type SensitivePauseView } from './sensitive-pause';

const DEFAULT_SECONDS = 60;

/** The pause's state, and the field last focused (its notice is shown beside that field only). */
export const useSensitivePause = create<{ view: SensitivePauseView; field: string | null }>(() => ({ view: { state: 'idle' }, field: null }));

/** One controller for the window: every sensitive field shares the call's one pause. */
export const sensitivePause = new SensitivePause(
  {
    pause: (callId, paused) => pauseRecording(callId, paused).then((call) => call?.recording ?? null),
    now: () => Date.now(),
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (timer) => window.clearTimeout(timer as number),
    changed: (view) => useSensitivePause.setState({ view }),
  },
  () => useWorkspace.getState().agentSettings?.sensitivePauseSeconds ?? DEFAULT_SECONDS,
);

// The call on screen ended or another took its place: a pending countdown has nothing left to resume.
let watchedCall: string | null = null;
useWorkspace.subscribe((s) => {
  const live = s.call && s.call.state === 'active' ? s.call.callId : null;
  if (watchedCall && live !== watchedCall) sensitivePause.callGone();
  watchedCall = live;
});

import { request, subscribe } from '../../api/client';
import { useWorkspace } from '../softphone';
import { MediaEngine } from './engine';
import { whileHoldingMediaLock } from './media-lock';
import { soundsFor } from './sounds';
import { playOn, useMedia } from './store';
import { AUTO_ANSWER_BEEP, RING, toneWav } from './tones';

/**
 * Call audio for this window. With several windows of the web shell open, only the one holding the media lock
 * answers the main process, so a call never gets two peer connections.
 */
export function connectMedia(): () => void {
  const engine = new MediaEngine(
    (session, summary) => void request('reportCallQuality', { session, summary }).catch(() => undefined),
    (level) => void request('reportLiveQuality', { level }).catch(() => undefined),
  );
  const stopServing = whileHoldingMediaLock(navigator.locks, () =>
    subscribe('mediaCommand', (command) => {
      engine
        .run(command)
        .then((sdp) => request('mediaResult', { id: command.id, sdp, error: null }))
        .catch((err: Error) => request('mediaResult', { id: command.id, sdp: null, error: err.message.slice(0, 500) }).catch(() => undefined));
    }),
  );
  const stopSounds = connectSounds();
  return () => {
    stopServing();
    stopSounds();
    engine.closeAll();
  };
}

/** The ringtone on the ringer device while a call rings; a short beep on the speaker when one is auto-answered. */
function connectSounds(): () => void {
  // In the page (hidden), so what plays and on which device can be inspected like any element.
  const sound = (parts: typeof RING, loop: boolean, name: string) => {
    const audio = document.createElement('audio');
    audio.src = URL.createObjectURL(new Blob([toneWav(parts) as BlobPart], { type: 'audio/wav' }));
    audio.loop = loop;
    audio.dataset.testid = name;
    document.body.append(audio);
    return audio;
  };
  const ring = sound(RING, true, 'ringtone');
  const beep = sound(AUTO_ANSWER_BEEP, false, 'auto-answer-beep');
  let ringing = false;
  const unsubscribe = useWorkspace.subscribe((next, prev) => {
    if (next.call === prev.call) return;
    const todo = soundsFor(prev.call, next.call, next.agentSettings?.autoAnswer ?? false);
    const { ringer, speaker } = useMedia.getState().devices;
    if (todo.ring && !ringing) {
      ringing = true;
      ring.currentTime = 0;
      // Autoplay may be blocked until the agent has clicked in the window; say so rather than ring silently.
      playOn(ring, ringer).catch(() => useMedia.getState().set({ notice: { key: 'media.ringBlocked', device: ringer } }));
    } else if (!todo.ring && ringing) {
      ringing = false;
      ring.pause();
    }
    if (todo.beep) void playOn(beep, speaker).catch(() => undefined);
  });
  return () => {
    unsubscribe();
    for (const audio of [ring, beep]) {
      audio.pause();
      URL.revokeObjectURL(audio.src);
      audio.remove();
    }
  };
}

import type { RecordingHit, RecordingSearch } from '../../../src-shared/recording/recording-search';
import { request } from '../../api/client';
import { shownError } from '../../i18n/main-error-text';
import { channelPeaks, fetchRecordingAudio } from './audio';
import { useRecordings } from './store';

/** Bars per waveform: enough for the player's width at 1366 px. */
const BARS = 600;

export function openRecordings(): void {
  useRecordings.getState().set({ open: true });
}

export function closeRecordings(): void {
  closePlayer();
  useRecordings.getState().set({ open: false });
}

export async function searchRecordings(q: RecordingSearch): Promise<void> {
  const { set } = useRecordings.getState();
  set({ searching: true, error: null });
  try {
    const { recordings } = await request('searchRecordings', q);
    set({ hits: recordings ?? [], searching: false, ...(recordings === null ? { error: { code: 'UNAVAILABLE', message: 'not signed in', key: 'mainError.recordings.signIn' } } : {}) });
  } catch (err) {
    set({ searching: false, error: shownError(err) });
  }
}

/** Fetches a recording's audio through main and draws it; a newer choice wins over one still loading. */
export async function playRecording(hit: RecordingHit): Promise<void> {
  closePlayer();
  const { set } = useRecordings.getState();
  set({ chosen: hit, error: null });
  try {
    const wav = await fetchRecordingAudio(hit.id);
    const [agentPeaks, customerPeaks] = await channelPeaks(wav, BARS);
    if (useRecordings.getState().chosen !== hit) return;
    set({ playing: { hit, url: URL.createObjectURL(wav), agentPeaks, customerPeaks } });
  } catch (err) {
    if (useRecordings.getState().chosen === hit) set({ chosen: null, error: shownError(err) });
  }
}

export function closePlayer(): void {
  const { playing, set } = useRecordings.getState();
  if (playing) URL.revokeObjectURL(playing.url);
  set({ playing: null, chosen: null });
}

/** From a "Recording" link: the screen opens with that call listed and playing. */
export async function openRecordingAt(hit: RecordingHit): Promise<void> {
  useRecordings.getState().set({ open: true, hits: [hit] });
  await playRecording(hit);
}

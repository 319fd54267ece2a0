import { RECORDING_CHUNK_BYTES } from '../../../src-shared/recording/recording-search';
import { request } from '../../api/client';
import { peaks } from './timeline';

/** A recording's WAV is capped by the team server (recordingMaxBytes); this cap keeps a bad answer from looping. */
const MOST_BYTES = 512 * 1024 * 1024;

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/**
 * The recording's WAV, fetched by main a range at a time with the team session: the renderer never holds the
 * team's access token, only the bytes (each range is a playback the server logs).
 */
export async function fetchRecordingAudio(id: string): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  let total = Infinity;
  while (offset < total) {
    const chunk = await request('getRecordingAudio', { id, offset, length: RECORDING_CHUNK_BYTES });
    total = Math.min(chunk.total, MOST_BYTES);
    const bytes = bytesOf(chunk.base64);
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
  }
  return new Blob(parts as BlobPart[], { type: 'audio/wav' });
}

/** Each channel's peaks (left: the agent, right: the customer), decoded by the Web Audio API at the file's rate. */
export async function channelPeaks(wav: Blob, buckets: number): Promise<[number[], number[]]> {
  const context = new OfflineAudioContext(1, 1, 8000);
  const audio = await context.decodeAudioData(await wav.arrayBuffer());
  const left = audio.getChannelData(0);
  const right = audio.numberOfChannels > 1 ? audio.getChannelData(1) : new Float32Array(0);
  return [peaks(left, buckets), peaks(right, buckets)];
}

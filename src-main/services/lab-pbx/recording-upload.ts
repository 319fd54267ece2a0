import { readFile } from 'node:fs/promises';
import type { RecordingUpload } from '../../../src-shared/recording/recording-contract';

/** Where the PBX hands its recordings: the team server's address and the PBX's key (never on a command line). */
export interface RecordingDestination {
  server: string;
  pbxKey: string;
}

/**
 * Hands one recording to the team server: the WAV as the body, what it is in the Recording-Metadata header.
 * Resolves with the server's id (the same one again for a call it already has); rejects with the server's reason.
 */
export async function uploadRecording(to: RecordingDestination, wavPath: string, meta: RecordingUpload): Promise<{ id: string; duplicate: boolean }> {
  const response = await fetch(new URL('/v1/recordings', to.server), {
    method: 'POST',
    headers: {
      authorization: `PBX ${to.pbxKey}`,
      'content-type': 'audio/wav',
      'recording-metadata': Buffer.from(JSON.stringify(meta)).toString('base64url'),
    },
    body: await readFile(wavPath),
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string; duplicate?: boolean; message?: string };
  if (!response.ok || !body.id) throw new Error(`the team server refused the recording (${response.status}): ${body.message ?? 'no reason given'}`);
  return { id: body.id, duplicate: body.duplicate === true };
}

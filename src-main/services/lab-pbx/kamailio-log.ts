import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** What the lab PBX's config (test/lab/kamailio/kamailio.cfg) logs on purpose with xlog, one line each. */
export interface KamailioLogEvents {
  /** An INVITE reached the PBX, or was handed on towards the agent (epoch ms, microsecond precision). */
  invite(step: 'arrived' | 'relayed', callId: string, atMs: number): void;
  /** Something happened in a recorded call (the Call-ID hex-encoded, as the config writes it). */
  recordingEvent(callIdHex: string, kind: 'transfer', atMs: number): void;
  /** A REGISTER arrived, or a keepalive OPTIONS was answered, from this extension. */
  counted(kind: 'register-arrived' | 'keepalive-answered', extension: string): void;
}

/**
 * Reads Kamailio's stderr one whole line at a time. A pipe read ends wherever the pipe's contents end, so one
 * 'data' chunk can stop in the middle of a line (the rest comes with the next); matched chunk by chunk, such a
 * line was lost and a test counting REGISTERs waited for one that never came.
 */
export function readKamailioLog(stderr: Readable, on: KamailioLogEvents): void {
  createInterface({ input: stderr, crlfDelay: Infinity }).on('line', (line) => readLine(line, on));
}

function readLine(line: string, on: KamailioLogEvents): void {
  const invite = /invite-(arrived|relayed) (\S+) (\d+)\.(\d{6})/.exec(line);
  if (invite) return on.invite(invite[1] as 'arrived' | 'relayed', invite[2]!, Number(invite[3]) * 1000 + Number(invite[4]) / 1000);
  const event = /recording-event ([0-9a-fA-F]{2,512}) (transfer) (\d+)\.(\d{6})/.exec(line);
  if (event) return on.recordingEvent(event[1]!, event[2] as 'transfer', Number(event[3]) * 1000 + Number(event[4]) / 1000);
  const counted = /(register-arrived|keepalive-answered) (\S+)$/.exec(line);
  if (counted) on.counted(counted[1] as 'register-arrived' | 'keepalive-answered', counted[2]!);
}

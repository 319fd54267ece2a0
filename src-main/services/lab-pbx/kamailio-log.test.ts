import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readKamailioLog } from './kamailio-log';

/** Everything the reader reported, in order. */
function reader() {
  const stderr = new PassThrough();
  const seen: string[] = [];
  readKamailioLog(stderr, {
    invite: (step, callId, atMs) => seen.push(`invite ${step} ${callId} ${atMs}`),
    recordingEvent: (callIdHex, kind, atMs) => seen.push(`recording ${callIdHex} ${kind} ${atMs}`),
    counted: (kind, extension) => seen.push(`${kind} ${extension}`),
  });
  return { stderr, seen };
}

/** Lets the stream deliver what was written. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the lab PBX's log, read from its stderr pipe", () => {
  it('counts a line that a pipe read cut in two (the rest came with the next read)', async () => {
    const { stderr, seen } = reader();
    stderr.write(' 1(201) NOTICE: <script>: register-arrived 1001\n 2(202) NOTICE: <script>: regis');
    await settle();
    stderr.write('ter-arrived 1001\n 3(203) NOTICE: <script>: keepalive-ans');
    await settle();
    stderr.write('wered 1001\n');
    await settle();
    expect(seen).toEqual(['register-arrived 1001', 'register-arrived 1001', 'keepalive-answered 1001']);
  });

  it('reads INVITE times and recording events, even with a multi-byte character cut between reads', async () => {
    const { stderr, seen } = reader();
    const line = Buffer.from(' 1(201) NOTICE: <script>: 王 invite-arrived abc@x 1764500000.123456\n');
    stderr.write(line.subarray(0, 28));
    await settle();
    stderr.write(Buffer.concat([line.subarray(28), Buffer.from(' 4(204) NOTICE: <script>: recording-event 6162 transfer 1764500001.000500\n')]));
    await settle();
    expect(seen).toEqual(['invite arrived abc@x 1764500000123.456', 'recording 6162 transfer 1764500001000.5']);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../src-main/hosts/cli/command';
import { benchRecording } from '../../../src-main/hosts/cli/bench/recording';
import { ROOT } from './team-lab';

// `agent-desktop bench recording --json` at its small scale, against the real hook, team server and PostgreSQL
// (and a few calls through the real lab Kamailio and rtpengine): every call becomes playable for the lead, within
// the goal, and a recorded hour costs what a stereo 8-kHz 16-bit WAV does (32,000 bytes a second, plus
// each file's 44-byte header).
describe('bench recording', () => {
  it('times hang-up to playable for every call and reports storage per recorded hour', async () => {
    const ctx = { resourcesDir: join(ROOT, 'resources') } as CommandContext;
    const figures = await benchRecording(ctx, 'small');
    expect(figures.calls).toBe(24);
    expect(figures.hangUpToPlayableMs.p95).toBeGreaterThan(0);
    expect(figures.goalMet).toBe(figures.hangUpToPlayableMs.p95 <= 5000);
    expect(figures.hangUpToPlayableMs.p95).toBeLessThan(5000);
    // And through the real lab PBX: rtpengine's own capture, closed as the agent hangs up, playable within the goal.
    expect(figures.throughLabPbx.calls).toBe(4);
    expect(figures.throughLabPbx.hangUpToPlayableMs.p95).toBeGreaterThan(0);
    expect(figures.throughLabPbx.hangUpToPlayableMs.p95).toBeLessThan(5000);
    const perHour = 32_000 * 3600 + 44 * (3600 / figures.secondsPerCall);
    expect(Math.abs(figures.storage.bytesPerRecordedHour - perHour) / perHour).toBeLessThan(0.01);
  }, 240_000);
});

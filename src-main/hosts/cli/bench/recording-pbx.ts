import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Call } from '../../../../src-shared/domain/call';
import { silentLogger } from '../../../app/logger';
import { CustomerPhone } from '../../../services/lab-pbx/customer-phone';
import { LabKamailio } from '../../../services/lab-pbx/kamailio';
import type { CallRecording } from '../../../services/lab-pbx/recording-hook';
import { tonePcap } from '../../../services/lab-pbx/tones';
import { Softphone } from '../../../services/softphone/softphone';
import type { TeamClient } from '../../../services/sync/team-client';

/** A handful of short calls: each goes through the real PBX, one at a time (the lab has one agent). */
export const PBX_CALLS = { calls: 4, seconds: 5 };

/**
 * Hang-up to playable through the real lab PBX: Kamailio and rtpengine record each call (--recording-method=pcap),
 * and at the agent's BYE rtpengine closes the capture and moves its metadata file; the PBX's recording hook makes
 * the WAV and hands it to the team server; the call is playable once the lead finds it by its Call-ID and gets its
 * first bytes. The agent is the desktop's softphone in Node (plain RTP; the CLI has no WebRTC), so only the
 * customer's side carries sound; the customer's phone is SIPp playing a tone.
 */
export async function pbxHangUpToPlayable(
  root: string,
  agent: { extension: string; password: string },
  upload: { server: string; pbxKey: string },
  lead: TeamClient,
): Promise<number[]> {
  const labDir = join(root, 'test', 'lab');
  const runDir = mkdtempSync(join(tmpdir(), 'bench-recording-pbx-'));
  const pbx = new LabKamailio({ labDir, runDir, agents: [agent], logger: silentLogger, media: true, recording: { dir: join(runDir, 'recordings'), upload } });
  const customer = new CustomerPhone(labDir, runDir, () => pbx.sipPort);
  let registered: Softphone | null = null;
  const playableMs: number[] = [];
  try {
    await pbx.start();
    registered = new Softphone({ server: pbx.wsUrl, domain: '127.0.0.1', extension: agent.extension, displayName: 'Bench', password: agent.password }, silentLogger);
    await registered.start();
    await registered.waitUntilRegistered();
    const uploaded = new Map<string, (r: CallRecording) => void>();
    pbx.recordings!.on('uploaded', (r) => uploaded.get(r.callId)?.(r));
    for (let i = 0; i < PBX_CALLS.calls; i++) {
      const ringing = once(registered, 'incoming') as Promise<[Call]>;
      const run = await customer.talk({ caller: '+8613800000000', callerName: 'Bench', agent: agent.extension, voice: tonePcap(440, PBX_CALLS.seconds + 5), talkMs: 60_000 });
      const [call] = await ringing;
      const pbxCallId = call.pbxCallId!;
      const ready = new Promise<CallRecording>((r) => uploaded.set(pbxCallId, r));
      await registered.answer(call.callId);
      // The call's length: the customer talks for a few seconds.
      await new Promise((r) => setTimeout(r, PBX_CALLS.seconds * 1000));
      const hungUpAt = performance.now();
      await registered.hangUp(call.callId);
      await ready;
      const [found] = await lead.searchRecordings({ callId: pbxCallId, limit: 1 });
      if (!found) throw new Error(`the lead cannot find call ${pbxCallId}`);
      const head = await lead.recordingAudio(found.id, 0, 43);
      if (head.bytes.length !== 44) throw new Error('the recording did not start playing');
      playableMs.push(performance.now() - hungUpAt);
      uploaded.delete(pbxCallId);
      await run.done;
    }
    return playableMs;
  } finally {
    await registered?.stop();
    customer.stopAll();
    await pbx.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

import type { MediaCommand } from '../../../src-shared/domain/media';
import type { CallQualitySummary } from '../../../src-shared/quality/summary';
import type { CallQualityLevel } from '../../../src-shared/quality/level';
import { QUALITY_SAMPLE_MS } from '../../../src-shared/quality/sampling';
import { QualitySampler, RoundTripPick, qualityLevel, readAudioCounters, useQuality } from '../quality';
import { useWorkspace } from '../softphone';
import { gatheredDescription } from './ice';
import { playOn, useMedia } from './store';

interface MediaSession {
  pc: RTCPeerConnection;
  mic: MediaStream;
  audio: HTMLAudioElement;
  packets: number;
  lastPacketAt: number;
  createdAt: number;
  muted: boolean;
  quality: QualitySampler;
  /** Which round trip (RTCP's or the ICE checks') was measured last, report to report. */
  roundTrips: RoundTripPick;
  level: CallQualityLevel | null;
}

const SILENT_AFTER_MS = 3000;

/**
 * The call audio: one RTCPeerConnection per media session, driven step by step by the main process's session
 * description handler. The far end's audio plays on the chosen speaker; the microphone is the chosen one.
 */
export class MediaEngine {
  /**
   * reportQuality: told each session's quality summary as it closes, when any of it was measured; reportLevel: told
   * the call's level (good / fair / poor) each time it changes, for the team lead.
   */
  constructor(
    private readonly reportQuality: (session: MediaCommand['session'], summary: CallQualitySummary) => void = () => undefined,
    private readonly reportLevel: (level: CallQualityLevel) => void = () => undefined,
  ) {}

  private readonly sessions = new Map<string, MediaSession>();
  private latest: string | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;

  async run(command: MediaCommand): Promise<string | null> {
    switch (command.op) {
      case 'offer': {
        const s = await this.session(command.session);
        for (const t of s.pc.getTransceivers()) t.direction = command.hold ? 'sendonly' : 'sendrecv';
        await s.pc.setLocalDescription(await s.pc.createOffer({ iceRestart: command.iceRestart }));
        return gatheredDescription(s.pc);
      }
      case 'answer': {
        const s = await this.session(command.session);
        await s.pc.setLocalDescription(await s.pc.createAnswer());
        return gatheredDescription(s.pc);
      }
      case 'remote': {
        const s = await this.session(command.session);
        await s.pc.setRemoteDescription({ type: command.type, sdp: command.sdp });
        return null;
      }
      case 'dtmf': {
        const dtmf = this.sessions.get(command.session)?.pc.getSenders().find((x) => x.track?.kind === 'audio')?.dtmf;
        if (!dtmf || !dtmf.canInsertDTMF) throw new Error('this call cannot carry RFC 4733 digits');
        // insertDTMF replaces what is still queued: keep the digits typed before that have not played yet.
        dtmf.insertDTMF(dtmf.toneBuffer + command.tones, 160, 70);
        return null;
      }
      case 'mute': {
        const muted = this.sessions.get(command.session);
        if (muted) muted.muted = command.muted;
        for (const track of this.sessions.get(command.session)?.mic.getAudioTracks() ?? []) track.enabled = !command.muted;
        return null;
      }
      case 'rollback': {
        const pc = this.sessions.get(command.session)?.pc;
        if (pc && pc.signalingState !== 'stable') await pc.setLocalDescription({ type: 'rollback' });
        return null;
      }
      case 'close': {
        this.close(command.session);
        return null;
      }
    }
  }

  /** Every session, closed (the window is going away). */
  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }

  private async session(id: string): Promise<MediaSession> {
    const existing = this.sessions.get(id);
    if (existing) return existing;
    const pc = new RTCPeerConnection({ rtcpMuxPolicy: 'require' });
    const mic = await openMicrophone(useMedia.getState().devices.mic);
    for (const track of mic.getAudioTracks()) pc.addTrack(track, mic);
    const audio = new Audio();
    audio.autoplay = true;
    const session: MediaSession = { pc, mic, audio, packets: 0, lastPacketAt: 0, createdAt: Date.now(), muted: false, quality: new QualitySampler(), roundTrips: new RoundTripPick(), level: null };
    pc.addEventListener('track', (e) => {
      audio.srcObject = e.streams[0] ?? new MediaStream([e.track]);
      void playOn(audio, useMedia.getState().devices.speaker).catch(() => undefined);
    });
    const dtmf = pc.getSenders().find((x) => x.track?.kind === 'audio')?.dtmf;
    dtmf?.addEventListener('tonechange', (e) => {
      const tone = (e as RTCDTMFToneChangeEvent).tone;
      if (tone) useMedia.getState().set({ sentTones: useMedia.getState().sentTones + tone });
    });
    this.sessions.set(id, session);
    this.latest = id;
    useMedia.getState().set({ audio: 'connecting', sentTones: '' });
    this.poll ??= setInterval(() => void this.checkAudio(), QUALITY_SAMPLE_MS);
    return session;
  }

  private close(id: string): void {
    const s = this.sessions.get(id);
    if (!s) return;
    this.sessions.delete(id);
    const summary = s.quality.summary();
    if (summary.samples > 0) this.reportQuality(id as MediaCommand['session'], summary);
    s.pc.close();
    for (const track of s.mic.getTracks()) track.stop();
    s.audio.pause();
    s.audio.srcObject = null;
    if (this.latest === id) this.latest = [...this.sessions.keys()].at(-1) ?? null;
    if (this.sessions.size === 0 && this.poll) {
      clearInterval(this.poll);
      this.poll = null;
      useMedia.getState().set({ audio: 'idle' });
      useQuality.getState().set(null);
    }
  }

  /** Is the far end's audio arriving? Packets counted from the inbound RTP stats every QUALITY_SAMPLE_MS (twice a second). */
  private async checkAudio(): Promise<void> {
    const s = this.latest ? this.sessions.get(this.latest) : undefined;
    if (!s) return;
    const stats = await s.pc.getStats();
    let packets = 0;
    stats.forEach((r: { type: string; kind?: string; packetsReceived?: number }) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') packets += r.packetsReceived ?? 0;
    });
    const now = Date.now();
    if (packets > s.packets) {
      s.packets = packets;
      s.lastPacketAt = now;
    }
    const since = s.lastPacketAt || s.createdAt;
    const audio = now - since < SILENT_AFTER_MS ? (s.lastPacketAt ? 'receiving' : 'connecting') : 'silent';
    if (useMedia.getState().audio !== audio) useMedia.getState().set({ audio });
    this.sampleQuality(s, stats, now);
  }

  /**
   * Call quality twice a second (QUALITY_SAMPLE_MS, which says why), only while a call is up (a ringing outbound
   * call has no audio yet to judge). Hold either way (our transceiver not sending and receiving) is expected silence.
   */
  private sampleQuality(s: MediaSession, stats: RTCStatsReport, now: number): void {
    const { call, consult } = useWorkspace.getState();
    if (call?.state !== 'active' && consult?.state !== 'active') return;
    const held = s.pc.getTransceivers().some((t) => t.currentDirection !== null && t.currentDirection !== 'sendrecv');
    const counters = readAudioCounters(stats.values() as Iterable<Record<string, unknown> & { type: string; id: string }>, s.roundTrips);
    const live = s.quality.sample(counters, now, { held, muted: s.muted });
    useQuality.getState().set(live);
    const level = qualityLevel(live);
    if (level !== 'measuring' && level !== s.level) {
      s.level = level;
      this.reportLevel(level);
    }
  }
}

/** The chosen microphone, or the default one (with a notice) when it is gone. */
async function openMicrophone(deviceId: string): Promise<MediaStream> {
  if (deviceId !== '') {
    try {
      return await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: deviceId } } });
    } catch {
      useMedia.getState().set({ notice: { key: 'media.micFallback', device: deviceId } });
    }
  }
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (err) {
    useMedia.getState().set({ notice: { key: 'media.micUnavailable', device: (err as Error).name } });
    throw new Error(`the microphone is not available (${(err as Error).name}); allow it or plug one in`);
  }
}

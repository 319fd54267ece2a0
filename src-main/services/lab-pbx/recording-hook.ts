import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { Logger } from '../../app/logger';
import { uploadRecording, type RecordingDestination } from './recording-upload';
import { captureRecordTimes, holdTimes, parseRecordingMetadata, readRtpCapture, stereoRecording, type RecordingMetadata } from '../../../src-shared/recording/call-recording';

/** A finished call recording, as the PBX side hands it on. */
export interface CallRecording {
  /** Ours, random: the file is named by it, never by anything from the call. */
  id: string;
  wavPath: string;
  direction: 'inbound' | 'outbound';
  agent: string;
  customer: string;
  callId: string;
  /** The call's queue as the IVR named it (X-Queue), or null. */
  queue: string | null;
  /** When the first audio reached the relay (epoch ms) and how long the file is. */
  startedAt: number;
  seconds: number;
  /** Where the agent paused the recording (seconds into the file): silence there, marked on playback. */
  pausedSpans: Array<{ from: number; to: number }>;
  /** Where the call was on hold (seconds into the file), from the re-INVITEs the relay took: marked on playback. */
  holdSpans: Array<{ from: number; to: number }>;
  /** The call's moments marked on playback (a transfer), seconds into the file. */
  events: Array<{ kind: 'transfer'; at: number }>;
}

/** A metadata field the PBX wrote in hex (see the lab kamailio.cfg): decoded, capped, or '' when it is not hex. */
function fromHex(value: string | undefined): string {
  if (!value || !/^(?:[0-9a-fA-F]{2}){1,256}$/.test(value)) return '';
  return Buffer.from(value, 'hex').toString('utf8').slice(0, 128);
}

/** One capture file of a call: the whole call, or the part before, between or after the agent's pauses. */
interface Segment {
  metadataPath: string;
  pcapPath: string;
  metadata: RecordingMetadata;
}

/**
 * The PBX's recording hook. rtpengine closes a capture segment when the agent pauses the recording and when the
 * call ends, moving its metadata file into metadata/. Once a call's last segment is in, its segments become one
 * stereo WAV — agent left, customer right, the paused spans silent — in `outDir`, and the raw captures are
 * removed. A call whose captures cannot be read is kept aside in failed/ and logged; it never stops the others.
 */
export class RecordingHook extends EventEmitter<{ recording: [CallRecording]; uploaded: [CallRecording, string] }> {
  private watcher: FSWatcher | null = null;
  private readonly pending = new Map<string, Segment[]>();
  private readonly taken = new Set<string>();

  private stopped = false;
  /** What the PBX logged about each recorded call (by its hex Call-ID, as in the metadata), until it is converted. */
  private readonly callEvents = new Map<string, Array<{ kind: 'transfer'; at: number }>>();

  /** With a destination, each recording is handed to the team server, retried until it takes it, then removed here. */
  constructor(
    private readonly spoolDir: string,
    private readonly outDir: string,
    private readonly logger: Logger,
    private readonly destination?: RecordingDestination,
  ) {
    super();
  }

  start(): void {
    const metadataDir = join(this.spoolDir, 'metadata');
    mkdirSync(metadataDir, { recursive: true });
    mkdirSync(this.outDir, { recursive: true });
    this.watcher = watch(metadataDir, (_event, name) => {
      if (name) this.take(join(metadataDir, name));
    });
    for (const name of readdirSync(metadataDir).sort()) this.take(join(metadataDir, name));
  }

  /** The PBX saw something to mark on a recorded call's timeline (epoch ms). Bounded: a call that never ends is forgotten. */
  callEvent(hexCallId: string, kind: 'transfer', at: number): void {
    if (this.callEvents.size > 10_000) this.callEvents.clear();
    const events = this.callEvents.get(hexCallId) ?? [];
    if (events.length < 100) events.push({ kind, at });
    this.callEvents.set(hexCallId, events);
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = null;
  }

  /** Hands a recording to the team server, retrying with backoff (1 s doubling to 60 s) while the PBX runs. */
  private async upload(recording: CallRecording): Promise<void> {
    if (!this.destination) return;
    const meta = {
      callId: recording.callId || recording.id,
      direction: recording.direction,
      agent: recording.agent,
      customer: recording.customer.slice(0, 64),
      queue: recording.queue,
      startedAt: Math.round(recording.startedAt),
      seconds: recording.seconds,
      pausedSpans: recording.pausedSpans,
      holdSpans: recording.holdSpans,
      events: recording.events,
    };
    for (let wait = 1000; !this.stopped; wait = Math.min(wait * 2, 60_000)) {
      try {
        const { id } = await uploadRecording(this.destination, recording.wavPath, meta);
        rmSync(recording.wavPath, { force: true });
        this.logger.info('recording handed to the team server', { id: recording.id, serverId: id });
        this.emit('uploaded', recording, id);
        return;
      } catch (err) {
        this.logger.warn('the team server did not take a recording yet; trying again', { id: recording.id, error: String(err), retryMs: wait });
        await new Promise((r) => setTimeout(r, wait).unref());
      }
    }
  }

  private take(metadataPath: string): void {
    if (this.taken.has(metadataPath) || !existsSync(metadataPath)) return;
    this.taken.add(metadataPath);
    let key = basename(metadataPath);
    let segments: Array<Pick<Segment, 'metadataPath'>> = [{ metadataPath }];
    try {
      const text = readFileSync(metadataPath, 'utf8');
      // rtpengine names the capture on the first line; it must be one of its own files in pcaps/.
      const pcapsDir = resolve(this.spoolDir, 'pcaps');
      const pcapPath = resolve(text.split('\n')[0] ?? '');
      if (!pcapPath.startsWith(pcapsDir + sep) || !pcapPath.endsWith('.pcap')) throw new Error('the metadata names no capture in pcaps/');
      const metadata = parseRecordingMetadata(text);
      key = metadata.fields.call ?? key;
      const callSegments = [...(this.pending.get(key) ?? []), { metadataPath, pcapPath, metadata }];
      segments = callSegments;
      this.pending.set(key, callSegments);
      if (!metadata.ended) return;
      this.pending.delete(key);
      const recording = this.convert(callSegments);
      this.logger.info('call recorded', { id: recording.id, seconds: recording.seconds, pauses: recording.pausedSpans.length });
      this.emit('recording', recording);
      void this.upload(recording);
    } catch (err) {
      const failed = join(this.spoolDir, 'failed');
      mkdirSync(failed, { recursive: true });
      for (const { metadataPath: path } of segments) {
        if (existsSync(path)) renameSync(path, join(failed, basename(path)));
      }
      this.pending.delete(key);
      this.logger.error('a call recording could not be converted', { file: basename(metadataPath), error: String(err) });
    }
  }

  private convert(segments: Segment[]): CallRecording {
    const first = segments.find((s) => s.metadata.ports)?.metadata;
    if (!first?.ports) throw new Error('no segment of the recording holds the SDP offer and answer');
    const direction = first.fields.direction === 'outbound' ? 'outbound' : 'inbound';
    // Each side sends to the relay port the other side's SDP gave it: on an inbound call the customer offered, so
    // the agent's audio arrives at the offer's port.
    const { offer, answer } = first.ports;
    const ports = direction === 'inbound' ? { agent: offer, customer: answer } : { agent: answer, customer: offer };
    const files = segments.map((s) => ({ sdps: s.metadata.sdps, bytes: readFileSync(s.pcapPath) }));
    const captured = files.map((f) => readRtpCapture(f.bytes)).filter((p) => p.length > 0);
    captured.sort((a, b) => (a[0]?.at ?? 0) - (b[0]?.at ?? 0));
    const stereo = stereoRecording(captured.flat(), ports);
    const offset = (at: number) => Math.max(0, at - stereo.startedAt / 1000);
    const pausedSpans = captured.slice(1).map((packets, i) => ({
      from: offset(captured[i]?.at(-1)?.at ?? 0),
      to: offset(packets[0]?.at ?? 0),
    }));
    const holds = holdTimes(
      files.map((f) => ({ sdps: f.sdps, times: captureRecordTimes(f.bytes) })),
      stereo.startedAt / 1000 + stereo.seconds,
    );
    const holdSpans = holds.map((h) => ({ from: offset(h.from), to: offset(h.to) })).filter((h) => h.to > h.from);
    const events = (this.callEvents.get(first.fields.call ?? '') ?? []).map((e) => ({ kind: e.kind, at: Math.min(offset(e.at / 1000), stereo.seconds) }));
    this.callEvents.delete(first.fields.call ?? '');
    const id = randomUUID();
    const wavPath = join(this.outDir, `${id}.wav`);
    writeFileSync(wavPath, stereo.wav);
    for (const s of segments) {
      rmSync(s.pcapPath, { force: true });
      rmSync(s.metadataPath, { force: true });
      this.taken.delete(s.metadataPath);
    }
    return {
      id,
      wavPath,
      direction,
      agent: fromHex(first.fields.agent),
      customer: fromHex(first.fields.customer),
      callId: fromHex(first.fields.call),
      queue: fromHex(first.fields.queue) || null,
      startedAt: stereo.startedAt,
      seconds: stereo.seconds,
      pausedSpans,
      holdSpans,
      events,
    };
  }
}

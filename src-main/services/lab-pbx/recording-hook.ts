import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { Logger } from '../../app/logger';
import { parseRecordingMetadata, readRtpCapture, stereoRecording } from '../../../src-shared/recording/call-recording';

/** A finished call recording, as the PBX side hands it on. */
export interface CallRecording {
  /** Ours, random: the file is named by it, never by anything from the call. */
  id: string;
  wavPath: string;
  direction: 'inbound' | 'outbound';
  agent: string;
  customer: string;
  callId: string;
  /** When the first audio reached the relay (epoch ms) and how long the file is. */
  startedAt: number;
  seconds: number;
}

/** A metadata field the PBX wrote in hex (see the lab kamailio.cfg): decoded, capped, or '' when it is not hex. */
function fromHex(value: string | undefined): string {
  if (!value || !/^(?:[0-9a-fA-F]{2}){1,256}$/.test(value)) return '';
  return Buffer.from(value, 'hex').toString('utf8').slice(0, 128);
}

/**
 * The PBX's recording hook: when rtpengine finishes a call's recording (it moves the call's metadata file into
 * metadata/ as the call ends), the capture becomes a stereo WAV — agent left, customer right — in `outDir`, and
 * the raw capture is removed. A capture that cannot be read is kept aside in failed/ and logged; it never stops
 * the recordings after it.
 */
export class RecordingHook extends EventEmitter<{ recording: [CallRecording] }> {
  private watcher: FSWatcher | null = null;

  constructor(
    private readonly spoolDir: string,
    private readonly outDir: string,
    private readonly logger: Logger,
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
    for (const name of readdirSync(metadataDir)) this.take(join(metadataDir, name));
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  private take(metadataPath: string): void {
    if (!existsSync(metadataPath)) return; // the event for its removal, or one already taken
    try {
      const recording = this.convert(metadataPath);
      this.logger.info('call recorded', { id: recording.id, seconds: recording.seconds, direction: recording.direction });
      this.emit('recording', recording);
    } catch (err) {
      const failed = join(this.spoolDir, 'failed');
      mkdirSync(failed, { recursive: true });
      if (existsSync(metadataPath)) renameSync(metadataPath, join(failed, basename(metadataPath)));
      this.logger.error('a call recording could not be converted', { file: basename(metadataPath), error: String(err) });
    }
  }

  private convert(metadataPath: string): CallRecording {
    const text = readFileSync(metadataPath, 'utf8');
    // rtpengine names the capture on the first line; it must be one of its own files in pcaps/.
    const pcapsDir = resolve(this.spoolDir, 'pcaps');
    const pcapPath = resolve(text.split('\n')[0] ?? '');
    if (!pcapPath.startsWith(pcapsDir + sep) || !pcapPath.endsWith('.pcap')) throw new Error('the metadata names no capture in pcaps/');
    const metadata = parseRecordingMetadata(text);
    const direction = metadata.fields.direction === 'outbound' ? 'outbound' : 'inbound';
    // Each side sends to the relay port the other side's SDP gave it: on an inbound call the customer offered, so
    // the agent's audio arrives at the offer's port.
    const ports =
      direction === 'inbound'
        ? { agent: metadata.offerPort, customer: metadata.answerPort }
        : { agent: metadata.answerPort, customer: metadata.offerPort };
    const stereo = stereoRecording(readRtpCapture(readFileSync(pcapPath)), ports);
    const id = randomUUID();
    const wavPath = join(this.outDir, `${id}.wav`);
    writeFileSync(wavPath, stereo.wav);
    rmSync(pcapPath, { force: true });
    rmSync(metadataPath, { force: true });
    return {
      id,
      wavPath,
      direction,
      agent: fromHex(metadata.fields.agent),
      customer: fromHex(metadata.fields.customer),
      callId: fromHex(metadata.fields.call),
      startedAt: stereo.startedAt,
      seconds: stereo.seconds,
    };
  }
}

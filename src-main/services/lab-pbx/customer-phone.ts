import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForUdpListener } from './ports';
import { renderTemplate } from './template';
import { spawnLabProcess } from './own-process-group';

export interface CustomerCall {
  /** The caller's number as the customer's phone sends it in From. */
  caller: string;
  callerName: string;
  agent: string;
  queue?: string;
  customerId?: string;
  ivrPath?: string;
  language?: string;
  /** How long the customer stays after the agent answers before hanging up. */
  talkMs?: number;
  /** Where SIPp logs every message it sends and receives, with its wall-clock time (for benchmarks). */
  messageLog?: string;
}

/**
 * Puts something between the PBX's media relay and the customer's phone (a test's impairing UDP relay): told the
 * port SIPp listens on for RTP, returns the port the phone's SDP advertises instead.
 */
export type MediaDetour = (sippMediaPort: number) => Promise<number>;

export interface SippRun {
  /** Resolves with SIPp's exit code: 0 when every call completed as the scenario expects. */
  done: Promise<{ code: number | null; output: string }>;
  /** The lines the scenario logged (what the customer's phone saw), so far. */
  logged(): string[];
  stop(): void;
}

const SDP_ANSWER = [
  'Content-Type: application/sdp',
  'Content-Length: [len]',
  '',
  'v=0',
  'o=customer 53655765 2353687638 IN IP[local_ip_type] [local_ip]',
  's=-',
  'c=IN IP[media_ip_type] [media_ip]',
  't=0 0',
  'm=audio [media_port] RTP/AVP 0 101',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=[$answer_dir]',
].join('\n');

/**
 * The customer's phone: SIPp from Debian (sip-tester) running the scenarios in test/lab/sipp.
 * Arguments go to SIPp as an argument vector (no shell), so caller names and headers are plain data.
 */
export class CustomerPhone {
  private readonly running = new Set<ChildProcess>();

  constructor(
    private readonly labDir: string,
    private readonly runDir: string,
    private readonly pbxSipPort: () => number,
    /** Told when a run ends in failure, with the end of SIPp's output: what a failed test needs to say why. */
    private readonly onFailure: (report: string) => void = () => undefined,
  ) {}

  /** The customer calls an agent through the PBX, with the IVR's headers (and its audio through a detour, if given). */
  async call(call: CustomerCall & { mediaDetour?: MediaDetour }): Promise<SippRun> {
    const scenario = this.render('customer-calls.xml', { TALK_MS: call.talkMs ?? 30_000 });
    const keys: Record<string, string> = {
      caller: call.caller,
      caller_name: call.callerName,
      agent: call.agent,
      queue: call.queue ?? '',
      customer_id: call.customerId ?? '',
      ivr_path: call.ivrPath ?? '',
      language: call.language ?? '',
    };
    for (const [name, value] of Object.entries(keys)) {
      if (/[\r\n"]/.test(value)) throw new Error(`customer call ${name} must not contain line breaks or double quotes`);
    }
    const args = [`127.0.0.1:${this.pbxSipPort()}`, '-sf', scenario, '-m', '1', '-l', '1'];
    for (const [name, value] of Object.entries(keys)) args.push('-key', name, value);
    if (call.messageLog) args.push('-trace_msg', '-message_file', call.messageLog);
    return this.run(args, { detour: call.mediaDetour });
  }

  /**
   * The customer calls and stays on the line through hold, digits and transfer until the agent hangs up.
   * refuseReInvite answers every re-INVITE with 488 (a far end that cannot do hold). transferResult is the status
   * the final NOTIFY of a transfer reports (default "200 OK"; e.g. "603 Declined" for a transfer that failed).
   */
  async talk(
    call: Pick<CustomerCall, 'caller' | 'callerName' | 'agent' | 'talkMs'> & {
      refuseReInvite?: boolean;
      transferResult?: string;
      /** The customer's voice: RTP in a pcap file (see tones.ts), played once answered instead of echoing. */
      voice?: Uint8Array;
      mediaDetour?: MediaDetour;
    },
  ): Promise<SippRun> {
    const transferResult = call.transferResult ?? '200 OK';
    // It goes into the scenario file: one line, no CDATA end, no SIPp [keyword].
    if (!/^[1-6]\d\d [^\r\n[\]]*$/.test(transferResult)) throw new Error('transferResult must be a status and phrase on one line, without brackets');
    const scenario = this.render('customer-talks.xml', {
      TRANSFER_RESULT: transferResult,
      TALK_MS: call.talkMs ?? 30_000,
      REINVITE_REPLY: call.refuseReInvite ? '488 Not Acceptable Here' : '200 OK',
      REINVITE_BODY: call.refuseReInvite ? 'Content-Length: 0' : SDP_ANSWER,
      VOICE: this.playing(call.voice),
    });
    const args = [`127.0.0.1:${this.pbxSipPort()}`, '-sf', scenario, '-m', '1', '-l', '1'];
    for (const [name, value] of Object.entries({ caller: call.caller, caller_name: call.callerName, agent: call.agent })) {
      if (/[\r\n"]/.test(value)) throw new Error(`customer call ${name} must not contain line breaks or double quotes`);
      args.push('-key', name, value);
    }
    return this.run(args, { echo: !call.voice, detour: call.mediaDetour });
  }

  /** A team lead's phone fetching an agent's presence once (SUBSCRIBE with Expires: 0, then the NOTIFY). */
  async watchAgent(agent: string): Promise<SippRun> {
    if (!/^[0-9A-Za-z_.-]{1,32}$/.test(agent)) throw new Error('agent must be an extension');
    const scenario = this.render('team-lead-watches.xml', {});
    return this.run([`127.0.0.1:${this.pbxSipPort()}`, '-sf', scenario, '-m', '1', '-key', 'agent', agent]);
  }

  /**
   * The customer's phone waits for the agent's outbound call on the PBX's trunk port and answers it; with a voice
   * (RTP in a pcap file, see tones.ts) it plays that once answered instead of echoing.
   */
  async answerOnTrunk(trunkPort: number, ringMs = 500, calls = 1, voice?: Uint8Array): Promise<SippRun> {
    const scenario = this.render('customer-answers.xml', { RING_MS: ringMs, VOICE: this.playing(voice) });
    return this.run(['-sf', scenario, '-m', String(calls)], { localPort: trunkPort, echo: !voice });
  }

  /** The scenario action that plays a voice as the customer's audio, or none. */
  private playing(voice: Uint8Array | undefined): string {
    return voice ? `  <nop><action><exec play_pcap_audio="${this.writeRunFile('voice.pcap', voice)}"/></action></nop>` : '';
  }

  /**
   * The customer's phone on the PBX's trunk refuses the agent's outbound call: code and phrase make the status
   * line (e.g. 486, "Busy Here"). The phrase is data, any text on one line.
   */
  async refuseOnTrunk(trunkPort: number, code: number, phrase: string): Promise<SippRun> {
    if (!Number.isInteger(code) || code < 300 || code > 699) throw new Error('a refusal is a 3xx–6xx status');
    if (/[\r\n]/.test(phrase)) throw new Error('a reason phrase must not contain line breaks');
    const scenario = this.render('customer-refuses.xml', { REFUSAL_CODE: code });
    return this.run(['-sf', scenario, '-m', '1', '-key', 'refusal_phrase', phrase], { localPort: trunkPort });
  }

  /** The customer calls with the IVR's headers, is answered, and refuses the agent's transfer with 603 and this phrase. */
  async refuseTransfer(call: Omit<CustomerCall, 'messageLog'> & { refusalPhrase: string }): Promise<SippRun> {
    const scenario = this.render('customer-refuses-transfer.xml', { TALK_MS: call.talkMs ?? 30_000 });
    const keys: Record<string, string> = {
      caller: call.caller,
      caller_name: call.callerName,
      agent: call.agent,
      queue: call.queue ?? '',
      customer_id: call.customerId ?? '',
      ivr_path: call.ivrPath ?? '',
      language: call.language ?? '',
      refusal_phrase: call.refusalPhrase,
    };
    const args = [`127.0.0.1:${this.pbxSipPort()}`, '-sf', scenario, '-m', '1', '-l', '1'];
    for (const [name, value] of Object.entries(keys)) {
      if (/[\r\n"]/.test(value)) throw new Error(`customer call ${name} must not contain line breaks or double quotes`);
      args.push('-key', name, value);
    }
    return this.run(args);
  }

  stopAll(): void {
    for (const child of this.running) child.kill('SIGTERM');
  }

  private render(name: string, values: Record<string, number | string>): string {
    return this.writeRunFile(name, renderTemplate(readFileSync(join(this.labDir, 'sipp', name), 'utf8'), values));
  }

  /** A file of this run's own, under a name of ours (never from call data). */
  private writeRunFile(name: string, content: string | Uint8Array): string {
    mkdirSync(this.runDir, { recursive: true });
    const out = join(this.runDir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
    writeFileSync(out, content);
    return out;
  }

  /**
   * Starts SIPp and returns once it holds its SIP port: a phone waiting for the PBX's call misses an INVITE sent
   * before that. A port handed out by freePort may be taken by another process before SIPp binds it: then SIPp is
   * started again on fresh ports, up to three times.
   */
  private async run(scenarioArgs: string[], options: { localPort?: number; echo?: boolean; detour?: MediaDetour } = {}, attempt = 1): Promise<SippRun> {
    const { localPort, echo = true, detour } = options;
    const port = localPort ?? (await freePort());
    const run = await this.spawnSipp(scenarioArgs, port, echo, detour);
    let exit: { code: number | null; output: string } | undefined;
    void run.done.then((e) => (exit = e));
    try {
      await waitForUdpListener(port, 5000, () => exit === undefined);
      return run;
    } catch (err) {
      // 254 is SIPp's bind error (EXIT_BIND_ERROR), for its SIP port or its media port. Another try takes a fresh
      // media port, and a fresh SIP port unless the PBX expects it on one (its trunk).
      const lostBind = exit?.code === 254 || /bind|already in use/i.test(exit?.output ?? '');
      if (lostBind && attempt < 3) return this.run(scenarioArgs, options, attempt + 1);
      // SIPp that ran its scenario to the end before we looked is the caller's to judge, by its exit.
      if (exit && !lostBind) return run;
      run.stop();
      throw new Error(`the customer's phone (SIPp) did not start on udp ${port}: ${String(err)} ${exit?.output.slice(-500) ?? ''}`);
    }
  }

  /** The same scenario with its SDP pointing the PBX's media at another port (SIPp still listens on its own). */
  private advertiseMediaPort(scenarioArgs: string[], advertised: number): string[] {
    const at = scenarioArgs.indexOf('-sf') + 1;
    const detoured = `${scenarioArgs[at]!}.media-${advertised}.xml`;
    writeFileSync(detoured, readFileSync(scenarioArgs[at]!, 'utf8').replaceAll('[media_port]', String(advertised)));
    return scenarioArgs.map((a, i) => (i === at ? detoured : a));
  }

  private async spawnSipp(scenarioArgs: string[], port: number, echo: boolean, detour?: MediaDetour): Promise<SippRun> {
    // Unless it plays a voice of its own, the customer's phone sends back whatever audio reaches it (RTP echo), on
    // a port of its own: the agent's side can tell that media flows both ways.
    const mediaPort = await freePort();
    if (detour) scenarioArgs = this.advertiseMediaPort(scenarioArgs, await detour(mediaPort));
    const errorFile = join(this.runDir, `sipp-${port}-errors.log`);
    const logFile = join(this.runDir, `sipp-${port}-${Date.now()}-logs.log`);
    const args = [
      ...scenarioArgs,
      ...['-i', '127.0.0.1', '-mi', '127.0.0.1', '-p', String(port), '-mp', String(mediaPort), '-nostdin'],
      ...(echo ? ['-rtp_echo'] : []),
      ...['-trace_err', '-error_file', errorFile, '-trace_logs', '-log_file', logFile],
    ];
    const child = spawnLabProcess('sipp', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.running.add(child);
    let output = '';
    const keep = (c: string) => (output = (output + c).slice(-8000));
    child.stdout?.setEncoding('utf8').on('data', keep);
    child.stderr?.setEncoding('utf8').on('data', keep);
    const done = new Promise<{ code: number | null; output: string }>((resolve) =>
      child.once('exit', (code) => {
        this.running.delete(child);
        if (code !== 0 && code !== null) this.onFailure(`customer's phone (SIPp on udp ${port}) exited ${code}: ${output.slice(-1500)}`);
        resolve({ code, output });
      }),
    );
    const logged = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter((l) => l.trim() !== '') : []);
    return { done, logged, stop: () => child.kill('SIGTERM') };
  }
}

/** When SIPp sent its first INVITE, from a message log (-trace_msg): local wall-clock time with microseconds. */
export function inviteSentAt(log: string): number {
  const m = /-{10,} (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)\.(\d{6})\s+UDP message sent[^\n]*\n\s*\nINVITE /.exec(log);
  if (!m) throw new Error('SIPp logged no INVITE');
  // SIPp writes local time; Date reads a zone-less ISO date-time as local time too.
  return new Date(`${m[1]}T${m[2]}`).getTime() + Number(m[3]) / 1000;
}

/** The Call-ID of the first INVITE SIPp sent, from its message log. */
export function inviteCallId(log: string): string {
  const m = /UDP message sent[^\n]*\n\s*\nINVITE [\s\S]*?\nCall-ID:\s*(\S+)/i.exec(log);
  if (!m) throw new Error('SIPp logged no INVITE with a Call-ID');
  return m[1]!;
}

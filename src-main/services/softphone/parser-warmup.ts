import { Core } from 'sip.js';

/** A first call's INVITE as the PBX forwards it: every header the softphone reads, and an SDP offer. */
function sampleInvite(i: number): string {
  const body = [
    'v=0',
    `o=- ${1000 + i} 1 IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    'm=audio 40000 RTP/AVP 0 8 101',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=sendrecv',
    '',
  ].join('\r\n');
  return [
    'INVITE sip:1001@127.0.0.1:5060;transport=ws SIP/2.0',
    `Record-Route: <sip:127.0.0.1:5060;transport=ws;r2=on;lr=on>`,
    `Record-Route: <sip:127.0.0.1;r2=on;lr=on>`,
    `Via: SIP/2.0/WS 127.0.0.1:5060;branch=z9hG4bKwarm${i}.0`,
    `Via: SIP/2.0/UDP 127.0.0.1:5070;rport=5070;branch=z9hG4bKwarm${i}`,
    'Max-Forwards: 69',
    `From: "Warm Up" <sip:+8613800000000@127.0.0.1:5070>;tag=warm${i}`,
    'To: <sip:1001@127.0.0.1>',
    `Call-ID: warm-up-${i}@127.0.0.1`,
    'CSeq: 1 INVITE',
    'Contact: <sip:+8613800000000@127.0.0.1:5070>',
    'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, INFO',
    'Supported: replaces, timer',
    'X-Queue: warm-up',
    'X-Customer-Id: W-1',
    'X-IVR-Path: 1>2',
    'X-Language: en',
    'Content-Type: application/sdp',
    `Content-Length: ${body.length}`,
    '',
    body,
  ].join('\r\n');
}

/**
 * sip.js parses every header with a generated grammar that is slow until the JavaScript engine has compiled it:
 * the first INVITEs after start took 7–15 ms to parse, the later ones 3 ms. Parsing a few sample INVITEs at
 * start means the agent's first real call pops as fast as the hundredth. Once per process.
 */
let warm = false;

export function warmUpSipParser(rounds = 40): void {
  if (warm) return;
  warm = true;
  const logger = new Core.LoggerFactory().getLogger('sip.warm-up');
  for (let i = 0; i < rounds; i++) {
    if (!Core.Parser.parseMessage(sampleInvite(i), logger)) throw new Error('the sample INVITE did not parse');
  }
}

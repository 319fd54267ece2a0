import { UserAgent, type URI } from 'sip.js';
import { ContractError } from '../../../src-shared/contract';

const HEADER_LIMIT = 200;

/** A header value from the PBX as plain text: control characters dropped, length capped. */
export function headerText(value: string | undefined, limit = HEADER_LIMIT): string | null {
  if (value === undefined) return null;
  const text = value.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, limit);
  return text === '' ? null : text;
}

/** The status line of a message/sipfrag body (a NOTIFY about a transfer), e.g. "SIP/2.0 180 Ringing". */
export function sipfragStatus(body: string): { code: number; phrase: string } | null {
  const match = /^SIP\/2\.0\s+(\d{3})\s*([^\r\n]*)/.exec(body.trimStart());
  return match ? { code: Number(match[1]), phrase: headerText(match[2], 100) ?? '' } : null;
}

/**
 * A number or extension the agent typed (or a full sip: address) as a SIP URI in the PBX's domain. A phone number
 * written the way people write them ("+66 81 234 0000", "(02) 123-4567") is dialled as its digits.
 */
export function targetUri(target: string, domain: string): URI {
  const typed = target.trim();
  const text = /^\+?[\d\s().-]+$/.test(typed) ? typed.replace(/[\s().-]/g, '') : typed;
  const address = /^sips?:/i.test(text) ? text : /^[+0-9A-Za-z_.*#-]{1,64}$/.test(text) ? `sip:${text}@${domain}` : null;
  const uri = address ? UserAgent.makeURI(address) : undefined;
  if (!uri) throw new ContractError('INVALID_REQUEST', `"${text.slice(0, 64)}" is not a number or SIP address we can call.`);
  return uri;
}

import { UserAgent, type URI } from 'sip.js';
import { ContractError } from '../../../src-shared/contract';

const HEADER_LIMIT = 200;
/** Longest reason phrase kept from a SIP response: the call bar and the contacts row show it whole. */
export const REASON_PHRASE_LIMIT = 100;

/**
 * What is never shown: C0 and C1 control characters and DEL (line breaks that would fake a header or a log
 * line), bidirectional overrides and isolates (which reverse what follows, e.g. a number), zero-width space,
 * BOM, line and paragraph separators, and a surrogate half without its pair (not text at all).
 */
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A string from the network (header value, display name, reason phrase) as plain text: unshowable characters
 * dropped, at most limit UTF-16 units long (never cutting a character in half). Null when nothing is left.
 */
export function headerText(value: string | undefined | null, limit = HEADER_LIMIT): string | null {
  if (value === undefined || value === null) return null;
  // Cut a megabyte value down before the regular expressions walk it.
  // Runs of white space (tabs, or spaces left around a dropped character) read as one space.
  let text = value.slice(0, limit * 4).replace(UNSHOWABLE, '').replace(/\s+/g, ' ').trim();
  if (text.length > limit) {
    // limit counts UTF-16 units, as the contract's max() does; a pair cut in half is dropped whole.
    text = text.slice(0, limit).replace(/[\ud800-\udbff]$/, '').trim();
  }
  return text === '' ? null : text;
}

/** Whether the PBX says it records the call (X-Recording: on, on the INVITE to the agent or the answer to hers). */
export function recordedByPbx(message: { getHeader(name: string): string | undefined }): boolean {
  return headerText(message.getHeader('X-Recording'), 8)?.toLowerCase() === 'on';
}

/** A SIP response's status as shown and stored, e.g. "486 Busy Here", with the phrase cleaned and capped. */
export function statusText(message: { statusCode?: number; reasonPhrase?: string }): string {
  const phrase = headerText(message.reasonPhrase, REASON_PHRASE_LIMIT);
  return phrase ? `${message.statusCode ?? 0} ${phrase}` : String(message.statusCode ?? 0);
}

/** The status line of a message/sipfrag body (a NOTIFY about a transfer), e.g. "SIP/2.0 180 Ringing". */
export function sipfragStatus(body: string): { code: number; phrase: string } | null {
  const match = /^SIP\/2\.0\s+(\d{3})\s*([^\r\n]*)/.exec(body.trimStart());
  return match ? { code: Number(match[1]), phrase: headerText(match[2], REASON_PHRASE_LIMIT) ?? '' } : null;
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
  if (!uri) throw new ContractError('INVALID_REQUEST', `"${text.slice(0, 64)}" is not a number or SIP address we can call.`, undefined, {
    key: 'mainError.call.badTarget',
    params: { number: text.slice(0, 64) },
  });
  return uri;
}

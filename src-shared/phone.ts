import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Pull the dialable part out of whatever the PBX handed us: "sip:+8613812345678@host;user=phone",
 * "tel:+86-138-1234-5678", "<sip:1001@pbx>", "+86 138 1234 5678" or a national "013812345678".
 */
export function extractDialString(raw: string): string {
  let s = raw.trim().replace(/^<|>$/g, '');
  const uri = /^(sips?|tel):([^@;?>]*)/i.exec(s);
  if (uri) s = uri[2] ?? '';
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep the undecoded text: a stray % is not a reason to lose the number
  }
  return s.replace(/[\s().\-\u00a0]/g, '');
}

/** E.164 form of a caller number in any shape, or null when it is not a phone number (e.g. an extension). */
export function normalizePhoneNumber(raw: string, defaultRegion: CountryCode): string | null {
  const dial = extractDialString(raw);
  if (!/^\+?\d{3,20}$/.test(dial)) return null;
  const parsed = parsePhoneNumberFromString(dial, defaultRegion);
  if (parsed?.isPossible()) return parsed.number;
  // "0" + national number, as PBXs in CN/TW/TH hand it over, when the trunk prefix confused the parser
  if (dial.startsWith('0')) {
    const retry = parsePhoneNumberFromString(dial.slice(1), defaultRegion);
    if (retry?.isPossible()) return retry.number;
  }
  return null;
}

export type { CountryCode };

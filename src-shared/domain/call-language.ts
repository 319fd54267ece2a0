import { Locale } from './screen-pop';

/**
 * The language to serve this caller in: what the IVR detected (the language header), else the customer's
 * preferred language, else the agent's own. Used for KB suggestions and the reply's language.
 */
export function callLanguage(headerLanguage: string | null | undefined, preferred: Locale | null | undefined, fallback: Locale): Locale {
  const fromHeader = Locale.safeParse(headerLanguage ?? '');
  if (fromHeader.success) return fromHeader.data;
  return preferred ?? fallback;
}

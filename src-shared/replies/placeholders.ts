import type { Locale } from '../domain/screen-pop';
import { replyMessages } from './messages';
import { placeholderPattern, type ReplyTemplate } from './template';

/** The values the workspace knows how to fill from the call, the customer and the work order. */
export const knownPlaceholders = [
  'customer.name',
  'agent.name',
  'order.id',
  'order.item',
  'delivery.date',
  'charge.amount',
  'refund.amount',
  'refund.date',
  'company.name',
  'hold.minutes',
  'callback.time',
  'callback.number',
  'followUp.date',
  'workOrder.id',
] as const;
export type KnownPlaceholder = (typeof knownPlaceholders)[number];

const known = new Set<string>(knownPlaceholders);
export function isKnownPlaceholder(name: string): name is KnownPlaceholder {
  return known.has(name);
}

/** Values nested ({ customer: { name: "王小明" } }) or flat ({ "customer.name": "王小明" }); strings or numbers. */
export type PlaceholderData = Record<string, unknown>;

export interface PlaceholderGap {
  placeholder: string;
  /** unknown: not a placeholder the workspace knows (likely a typo); unfilled: known, but no value yet. */
  reason: 'unknown' | 'unfilled';
  /** What the agent reads in place of the braces, in the UI language. */
  label: string;
  /** UTF-16 offsets of the marker in `text`. */
  start: number;
  end: number;
}

export interface FilledText {
  /** Placeholders replaced by their values; each gap by a visible marker such as "[order number]", never braces. */
  text: string;
  /** False while any gap is left: the workspace must not send the text until the agent has filled them. */
  complete: boolean;
  gaps: PlaceholderGap[];
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Own properties only, so a placeholder named "constructor" or "__proto__" can never reach the prototype. */
function lookup(data: PlaceholderData, name: string): string | undefined {
  if (Object.hasOwn(data, name)) return asText(data[name]);
  let node: unknown = data;
  for (const key of name.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return asText(node);
}

/**
 * Fills the placeholders of a template text in one pass: a value that itself contains "{{…}}" is inserted as
 * text and never expanded again.
 */
export function fillText(text: string, data: PlaceholderData, uiLocale: Locale): FilledText {
  const labels = replyMessages[uiLocale].placeholder;
  const gaps: PlaceholderGap[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(placeholderPattern)) {
    const name = m[1]!;
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    const value = lookup(data, name);
    if (value !== undefined) {
      out += value;
      continue;
    }
    const label = isKnownPlaceholder(name) ? labels[name] : name;
    const marker = `[${label}]`;
    gaps.push({ placeholder: name, reason: isKnownPlaceholder(name) ? 'unfilled' : 'unknown', label, start: out.length, end: out.length + marker.length });
    out += marker;
  }
  out += text.slice(last);
  return { text: out, complete: gaps.length === 0, gaps };
}

/** A template ready for the agent to read and, once `complete`, to send. */
export function fillTemplate(template: ReplyTemplate, data: PlaceholderData, uiLocale: Locale): FilledText {
  return fillText(template.body, data, uiLocale);
}

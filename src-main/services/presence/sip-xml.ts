import { XMLParser } from 'fast-xml-parser';

/**
 * An element as fast-xml-parser gives it here: every child element in an array (a child with only text is that
 * string), attributes prefixed '@_', text in '#text'.
 */
export type XmlElement = { [name: string]: XmlNode[] | string | undefined };
export type XmlNode = XmlElement | string;

/** Presence and dialog-info bodies for one agent are a few hundred bytes; anything far larger is not one. */
const MAX_BODY = 64 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // urn:ietf:params:xml:ns:pidf and friends arrive with any prefix, or none.
  removeNSPrefix: true,
  // No entity is expanded by the parser (no DOCTYPE entities, no billion laughs); xmlText() decodes the five
  // predefined ones and character references, which cannot expand.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  maxNestedTags: 32,
});

/**
 * A SIP XML body (PIDF, dialog-info) parsed with a real XML parser, or null when it is not well-formed XML,
 * is too large, nests too deep, or declares a DOCTYPE (which no SIP event package uses, and which is how entity
 * bombs and external entities arrive).
 */
export function parseSipXml(body: string | null | undefined): XmlElement | null {
  if (!body || body.length > MAX_BODY || /<!DOCTYPE/i.test(body)) return null;
  try {
    return parser.parse(body, true) as XmlElement;
  } catch {
    return null;
  }
}

/** The child elements of this name (namespace prefix already removed). */
export function children(element: XmlNode | undefined, name: string): XmlNode[] {
  const value = typeof element === 'object' ? element[name] : undefined;
  return Array.isArray(value) ? value : [];
}

/** The first element of this name anywhere below, in document order (depth first). */
export function findFirst(element: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!element || typeof element !== 'object') return undefined;
  for (const [key, value] of Object.entries(element)) {
    if (!Array.isArray(value)) continue;
    if (key === name && value[0] !== undefined) return value[0];
    for (const child of value) {
      const found = findFirst(child, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** An attribute's value as text, entities decoded. */
export function attribute(element: XmlNode | undefined, name: string): string | null {
  const value = typeof element === 'object' ? element[`@_${name}`] : undefined;
  return typeof value === 'string' ? xmlText(value) : null;
}

/** An element's text content (CDATA included), entities decoded; '' for an empty element. */
export function textOf(element: XmlNode | undefined): string {
  if (typeof element === 'string') return xmlText(element);
  const text = element?.['#text'];
  return typeof text === 'string' ? xmlText(text) : '';
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five predefined entities and character references (&#60; &#x3C;) decoded; anything else left as it is. */
export function xmlText(raw: string): string {
  return raw.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (whole, name?: string, dec?: string, hex?: string) => {
    if (name) return PREDEFINED[name]!;
    const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

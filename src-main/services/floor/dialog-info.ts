/** One dialog from an RFC 4235 dialog-info document, as far as the floor board needs it. */
export interface DialogEntry {
  id: string;
  state: 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';
  /** initiator: the watched user placed the call; recipient: it called them. */
  direction: 'initiator' | 'recipient' | null;
  remote: string | null;
}

const STATES = new Set(['trying', 'proceeding', 'early', 'confirmed', 'terminated']);

const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1] ?? null;
const unescape = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCharCode(Number(e.slice(1))),
  );

/**
 * Reads the dialogs out of a dialog-info+xml body. A small reader for the elements the board uses, namespace
 * prefixes allowed; anything it does not recognise is skipped, never evaluated. Returns null for a body that is
 * not dialog-info at all.
 */
export function parseDialogInfo(xml: string): { full: boolean; dialogs: DialogEntry[] } | null {
  const root = /<(?:\w+:)?dialog-info\b[^>]*>/.exec(xml);
  if (!root) return null;
  const dialogs: DialogEntry[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?dialog(?=[\s>])([^>]*)>([\s\S]*?)<\/(?:\w+:)?dialog>/g)) {
    const [, attrs = '', inner = ''] = m;
    const state = /<(?:\w+:)?state\b[^>]*>\s*([a-z]+)\s*<\/(?:\w+:)?state>/.exec(inner)?.[1] ?? '';
    if (!STATES.has(state)) continue;
    const direction = attr(attrs, 'direction');
    const remote = /<(?:\w+:)?remote\b[^>]*>[\s\S]*?<(?:\w+:)?identity\b[^>]*>([^<]*)<\/(?:\w+:)?identity>/.exec(inner)?.[1];
    dialogs.push({
      id: attr(attrs, 'id') ?? '',
      state: state as DialogEntry['state'],
      direction: direction === 'initiator' || direction === 'recipient' ? direction : null,
      remote: remote ? unescape(remote.trim()).slice(0, 200) : null,
    });
  }
  return { full: attr(root[0], 'state') !== 'partial', dialogs };
}

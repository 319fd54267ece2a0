import { attribute, children, parseSipXml, textOf, type XmlNode } from '../presence/sip-xml';
import { headerText } from '../softphone/sip-text';

/** One dialog from an RFC 4235 dialog-info document, as far as the floor board needs it. */
export interface DialogEntry {
  id: string;
  state: 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';
  /** initiator: the watched user placed the call; recipient: it called them. */
  direction: 'initiator' | 'recipient' | null;
  remote: string | null;
}

const STATES = new Set(['trying', 'proceeding', 'early', 'confirmed', 'terminated']);

/**
 * Reads the dialogs out of a dialog-info+xml body with a real XML parser (namespace prefixes, CDATA, entities and
 * either quote style as XML allows them); anything it does not recognise is skipped, never evaluated. Returns null
 * for a body that is not a dialog-info document (or not well-formed, too large or too deep to be one).
 */
export function parseDialogInfo(xml: string): { full: boolean; dialogs: DialogEntry[] } | null {
  const root = children(parseSipXml(xml) ?? undefined, 'dialog-info')[0];
  if (root === undefined) return null;
  const dialogs: DialogEntry[] = [];
  for (const dialog of children(root, 'dialog')) {
    const state = textOf(children(dialog, 'state')[0]).trim();
    if (!STATES.has(state)) continue;
    const direction = attribute(dialog, 'direction');
    dialogs.push({
      id: headerText(attribute(dialog, 'id'), 200) ?? '',
      state: state as DialogEntry['state'],
      direction: direction === 'initiator' || direction === 'recipient' ? direction : null,
      remote: remoteIdentity(dialog),
    });
  }
  return { full: attribute(root, 'state') !== 'partial', dialogs };
}

/** The far party's identity (its SIP URI), cleaned and capped: it is shown on the team lead's board. */
function remoteIdentity(dialog: XmlNode): string | null {
  const identity = children(children(dialog, 'remote')[0], 'identity')[0];
  return identity === undefined ? null : headerText(textOf(identity), 200);
}

/** RFC 4235's dialog state machine only moves forward: trying, proceeding, early, confirmed, terminated. */
const PROGRESS: Record<DialogEntry['state'], number> = { trying: 0, proceeding: 1, early: 2, confirmed: 3, terminated: 4 };

/**
 * One watched member's dialogs as far as the PBX's reports have taken them. A report that puts a dialog back in an
 * earlier state (early after confirmed) is a stale one: a loaded PBX can report a call's ringing and its answer out
 * of order when the agent answers within milliseconds (a CI run's board showed an answered call as ringing again).
 * Such a dialog keeps the furthest state reported. A full report forgets the dialogs it leaves out.
 */
export class DialogProgress {
  private readonly furthest = new Map<string, DialogEntry['state']>();

  settle(info: { full: boolean; dialogs: DialogEntry[] }): DialogEntry[] {
    const settled = info.dialogs.map((d) => {
      const before = this.furthest.get(d.id);
      return before !== undefined && PROGRESS[before] > PROGRESS[d.state] ? { ...d, state: before } : d;
    });
    if (info.full) this.furthest.clear();
    for (const d of settled) this.furthest.set(d.id, d.state);
    return settled;
  }
}

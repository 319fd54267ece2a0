import type { AgentState } from '../../../src-shared/domain/agent-state';
import { CallQualityLevel } from '../../../src-shared/quality/level';
import { headerText } from '../softphone/sip-text';
import { findFirst, parseSipXml, textOf } from './sip-xml';

function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The call an agent is on, as far as presence tells it: the queue it came through. */
export type PresenceCall = { queue: string | null; quality?: CallQualityLevel | null } | null;

/** Our own PIDF extension element: the live quality of the agent's call (RFC 3863 lets presence carry others). */
const QUALITY_NS = 'urn:x-agent-desktop:params:xml:ns:call-quality';

/** What a team lead reads in the presence note: the state, why, and whether the agent is on a call (which queue). */
export function presenceNote(state: AgentState, call: PresenceCall): string {
  const base = state.state === 'not-ready' ? `Not Ready${state.reasonCode ? `: ${state.reasonCode}` : ''}` : state.state === 'ready' ? 'Ready' : 'After-Call Work';
  if (!call) return base;
  return call.queue ? `${base} (on a call, queue ${call.queue.replace(/[()]/g, '')})` : `${base} (on a call)`;
}

/**
 * A PIDF document (RFC 3863) for the agent: basic open only when Ready and off the phone, so a team lead's
 * presence view shows at a glance who can take the next call; the note says the rest.
 */
export function agentPidf(entity: string, state: AgentState, call: PresenceCall, connectionTest: CallQualityLevel | null = null): string {
  const open = state.state === 'ready' && !call;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="${xmlText(entity)}">`,
    '  <tuple id="agent-desktop">',
    `    <status><basic>${open ? 'open' : 'closed'}</basic></status>`,
    '  </tuple>',
    `  <note>${xmlText(presenceNote(state, call))}</note>`,
    ...(call?.quality ? [`  <q:call-quality xmlns:q="${QUALITY_NS}">${call.quality}</q:call-quality>`] : []),
    ...(connectionTest ? [`  <q:connection-test xmlns:q="${QUALITY_NS}">${connectionTest}</q:connection-test>`] : []),
    '</presence>',
    '',
  ].join('\n');
}

/**
 * The agent state a presence document carries, read back from the note this app publishes (see presenceNote).
 * No document, or one without a note we wrote, is offline: nothing is published for that agent now.
 */
export function readAgentPresence(pidf: string | null | undefined): {
  state: 'ready' | 'not-ready' | 'after-call-work' | 'offline';
  reason: string | null;
  queue: string | null;
} {
  const note = readNote(pidf);
  const onCall = / \(on a call(?:, queue ([^)]*))?\)$/.exec(note ?? '');
  const queue = headerText(onCall?.[1], 100);
  const text = (onCall ? note!.slice(0, onCall.index) : note)?.trim();
  if (text === 'Ready') return { state: 'ready', reason: null, queue };
  if (text === 'After-Call Work') return { state: 'after-call-work', reason: null, queue };
  if (text?.startsWith('Not Ready')) return { state: 'not-ready', reason: headerText(text.slice('Not Ready: '.length), 100), queue };
  return { state: 'offline', reason: null, queue: null };
}

/**
 * The live quality of the agent's call from her presence, or (element 'connection-test') the verdict of her last
 * connection test; null when none is published, or not one we know.
 */
export function readCallQuality(pidf: string | null | undefined, element: 'call-quality' | 'connection-test' = 'call-quality'): CallQualityLevel | null {
  const presence = parseSipXml(pidf)?.['presence'];
  if (!Array.isArray(presence)) return null;
  const parsed = CallQualityLevel.safeParse(textOf(findFirst(presence[0], element)).trim());
  return parsed.success ? parsed.data : null;
}

/** The first note of a PIDF document (presence-level or in a tuple), or null when there is no document. */
function readNote(pidf: string | null | undefined): string | null {
  const presence = parseSipXml(pidf)?.['presence'];
  if (!Array.isArray(presence)) return null;
  const note = findFirst(presence[0], 'note');
  // Cleaned and capped as it enters: it reaches the team lead's board. Our own notes are far shorter.
  return note === undefined ? null : headerText(textOf(note), 400);
}

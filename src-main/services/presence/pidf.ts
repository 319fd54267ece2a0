import type { AgentState } from '../../../src-shared/domain/agent-state';

function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a team lead reads in the presence note: the state, why, and whether the agent is on a call. */
export function presenceNote(state: AgentState, onCall: boolean): string {
  const base = state.state === 'not-ready' ? `Not Ready${state.reasonCode ? `: ${state.reasonCode}` : ''}` : state.state === 'ready' ? 'Ready' : 'After-Call Work';
  return onCall ? `${base} (on a call)` : base;
}

/**
 * A PIDF document (RFC 3863) for the agent: basic open only when Ready and off the phone, so a team lead's
 * presence view shows at a glance who can take the next call; the note says the rest.
 */
export function agentPidf(entity: string, state: AgentState, onCall: boolean): string {
  const open = state.state === 'ready' && !onCall;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="${xmlText(entity)}">`,
    '  <tuple id="agent-desktop">',
    `    <status><basic>${open ? 'open' : 'closed'}</basic></status>`,
    '  </tuple>',
    `  <note>${xmlText(presenceNote(state, onCall))}</note>`,
    '</presence>',
    '',
  ].join('\n');
}

/**
 * The agent state a presence document carries, read back from the note this app publishes (see presenceNote).
 * No document, or one without a note we wrote, is offline: nothing is published for that agent now.
 */
export function readAgentPresence(pidf: string | null | undefined): { state: 'ready' | 'not-ready' | 'after-call-work' | 'offline'; reason: string | null } {
  const note = /<(?:\w+:)?note\b[^>]*>([^<]*)<\/(?:\w+:)?note>/.exec(pidf ?? '')?.[1]?.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
  const text = note?.replace(/ \(on a call\)$/, '').trim();
  if (text === 'Ready') return { state: 'ready', reason: null };
  if (text === 'After-Call Work') return { state: 'after-call-work', reason: null };
  if (text?.startsWith('Not Ready')) return { state: 'not-ready', reason: text.slice('Not Ready: '.length).slice(0, 100) || null };
  return { state: 'offline', reason: null };
}

import { describe, expect, it } from 'vitest';
import { agentPidf, readAgentPresence } from './pidf';

const ready = { state: 'ready' as const, reasonCode: null, since: 0, acw: null };

describe('agentPidf', () => {
  it('is open only when Ready and off the phone, with the state in the note', () => {
    expect(agentPidf('sip:1001@pbx', ready, null)).toContain('<basic>open</basic>');
    expect(agentPidf('sip:1001@pbx', ready, { queue: null })).toMatch(/<basic>closed<\/basic>[\s\S]*<note>Ready \(on a call\)<\/note>/);
    expect(agentPidf('sip:1001@pbx', { ...ready, state: 'not-ready', reasonCode: 'meal' }, null)).toContain('<note>Not Ready: meal</note>');
  });

  it('escapes the entity as XML text', () => {
    expect(agentPidf('sip:"x"<y>@pbx', ready, null)).toContain('entity="sip:&#34;x&#34;&#60;y&#62;@pbx"');
  });
});

describe('readAgentPresence', () => {
  it('reads back every state this app publishes, with the reason', () => {
    expect(readAgentPresence(agentPidf('sip:1@pbx', ready, null))).toEqual({ state: 'ready', reason: null, queue: null });
    expect(readAgentPresence(agentPidf('sip:1@pbx', ready, { queue: null }))).toEqual({ state: 'ready', reason: null, queue: null });
    expect(readAgentPresence(agentPidf('sip:1@pbx', ready, { queue: 'complaints <vip>' }))).toEqual({ state: 'ready', reason: null, queue: 'complaints <vip>' });
    expect(readAgentPresence(agentPidf('sip:1@pbx', { ...ready, state: 'not-ready', reasonCode: 'meal' }, null))).toEqual({ state: 'not-ready', reason: 'meal', queue: null });
    expect(readAgentPresence(agentPidf('sip:1@pbx', { ...ready, state: 'after-call-work' }, null))).toEqual({ state: 'after-call-work', reason: null, queue: null });
  });

  it('is offline with no document or a note it did not write', () => {
    expect(readAgentPresence('')).toEqual({ state: 'offline', reason: null, queue: null });
    expect(readAgentPresence(null)).toEqual({ state: 'offline', reason: null, queue: null });
    expect(readAgentPresence('<presence><note>Gone fishing</note></presence>')).toEqual({ state: 'offline', reason: null, queue: null });
  });
});

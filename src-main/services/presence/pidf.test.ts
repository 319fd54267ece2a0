import { describe, expect, it } from 'vitest';
import { agentPidf, readAgentPresence } from './pidf';

const ready = { state: 'ready' as const, reasonCode: null, since: 0, acw: null };

describe('agentPidf', () => {
  it('is open only when Ready and off the phone, with the state in the note', () => {
    expect(agentPidf('sip:1001@pbx', ready, false)).toContain('<basic>open</basic>');
    expect(agentPidf('sip:1001@pbx', ready, true)).toMatch(/<basic>closed<\/basic>[\s\S]*<note>Ready \(on a call\)<\/note>/);
    expect(agentPidf('sip:1001@pbx', { ...ready, state: 'not-ready', reasonCode: 'meal' }, false)).toContain('<note>Not Ready: meal</note>');
  });

  it('escapes the entity as XML text', () => {
    expect(agentPidf('sip:"x"<y>@pbx', ready, false)).toContain('entity="sip:&#34;x&#34;&#60;y&#62;@pbx"');
  });
});

describe('readAgentPresence', () => {
  it('reads back every state this app publishes, with the reason', () => {
    expect(readAgentPresence(agentPidf('sip:1@pbx', ready, false))).toEqual({ state: 'ready', reason: null });
    expect(readAgentPresence(agentPidf('sip:1@pbx', ready, true))).toEqual({ state: 'ready', reason: null });
    expect(readAgentPresence(agentPidf('sip:1@pbx', { ...ready, state: 'not-ready', reasonCode: 'meal' }, false))).toEqual({ state: 'not-ready', reason: 'meal' });
    expect(readAgentPresence(agentPidf('sip:1@pbx', { ...ready, state: 'after-call-work' }, false))).toEqual({ state: 'after-call-work', reason: null });
  });

  it('is offline with no document or a note it did not write', () => {
    expect(readAgentPresence('')).toEqual({ state: 'offline', reason: null });
    expect(readAgentPresence(null)).toEqual({ state: 'offline', reason: null });
    expect(readAgentPresence('<presence><note>Gone fishing</note></presence>')).toEqual({ state: 'offline', reason: null });
  });
});

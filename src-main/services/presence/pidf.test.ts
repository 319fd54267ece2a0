import { describe, expect, it } from 'vitest';
import { agentPidf, readAgentPresence, readCallQuality } from './pidf';

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

describe('readAgentPresence reads PIDF as XML (what the regular expression got wrong)', () => {
  const pidf = (inner: string) => `<?xml version="1.0"?><presence xmlns="urn:ietf:params:xml:ns:pidf" entity="sip:1@pbx">${inner}</presence>`;

  it('a note in CDATA, or with a namespace prefix that has a dash', () => {
    expect(readAgentPresence(pidf('<note><![CDATA[Not Ready: meal]]></note>'))).toEqual({ state: 'not-ready', reason: 'meal', queue: null });
    expect(readAgentPresence('<p-x:presence xmlns:p-x="urn:ietf:params:xml:ns:pidf"><p-x:note>Ready</p-x:note></p-x:presence>')).toEqual({ state: 'ready', reason: null, queue: null });
  });

  it('named and hexadecimal entities in the note, as other PIDF writers escape', () => {
    expect(readAgentPresence(pidf('<note>Ready (on a call, queue R&amp;D &#x3C;vip&#x3E;)</note>'))).toEqual({ state: 'ready', reason: null, queue: 'R&D <vip>' });
  });

  it('a note inside a comment is not a note', () => {
    expect(readAgentPresence(pidf('<!-- <note>Ready</note> --><tuple id="t"><status><basic>closed</basic></status></tuple>'))).toEqual({ state: 'offline', reason: null, queue: null });
  });

  it('hostile documents are offline: an entity bomb, megabytes, deep nesting, broken XML', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY r "Ready">]><presence><note>&r;</note></presence>`;
    expect(readAgentPresence(bomb).state).toBe('offline');
    expect(readAgentPresence(pidf(`<note>Ready</note>${' '.repeat(1_000_000)}`)).state).toBe('offline');
    expect(readAgentPresence(`${'<presence>'.repeat(5000)}<note>Ready</note>${'</presence>'.repeat(5000)}`).state).toBe('offline');
    expect(readAgentPresence('<presence><note>Ready</note>').state).toBe('offline');
  });

  it('a reason full of bidirectional and control characters reaches the board cleaned and capped', () => {
    expect(readAgentPresence(pidf(`<note>Not Ready: \u202emeal&#7;${'z'.repeat(300)}</note>`))).toEqual({ state: 'not-ready', reason: `meal${'z'.repeat(96)}`, queue: null });
  });
});

describe('call quality in presence', () => {
  it('is published with the call and read back; none without a call or from a stranger\'s document', () => {
    const onPoorCall = agentPidf('sip:1@pbx', ready, { queue: 'complaints', quality: 'poor' });
    expect(onPoorCall).toContain('<q:call-quality xmlns:q="urn:x-agent-desktop:params:xml:ns:call-quality">poor</q:call-quality>');
    expect(readCallQuality(onPoorCall)).toBe('poor');
    // The state and queue read as before.
    expect(readAgentPresence(onPoorCall)).toEqual({ state: 'ready', reason: null, queue: 'complaints' });
    expect(readCallQuality(agentPidf('sip:1@pbx', ready, { queue: null }))).toBeNull();
    expect(readCallQuality(agentPidf('sip:1@pbx', ready, null))).toBeNull();
    expect(readCallQuality('<presence><x:call-quality xmlns:x="urn:other">awful</x:call-quality></presence>')).toBeNull();
  });

  it('carries the last connection test, on or off a call', () => {
    const tested = agentPidf('sip:1@pbx', ready, null, 'fair');
    expect(readCallQuality(tested, 'connection-test')).toBe('fair');
    expect(readCallQuality(tested)).toBeNull();
    expect(readAgentPresence(tested)).toEqual({ state: 'ready', reason: null, queue: null });
    expect(readCallQuality(agentPidf('sip:1@pbx', ready, null), 'connection-test')).toBeNull();
  });
});

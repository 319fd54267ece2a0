import { describe, expect, it } from 'vitest';
import { DialogProgress, parseDialogInfo, type DialogEntry } from './dialog-info';

const doc = (dialogs: string, state = 'full') =>
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="3" state="${state}" entity="sip:1001@127.0.0.1">${dialogs}</dialog-info>`;

describe('parseDialogInfo (RFC 4235)', () => {
  it('reads state, direction and the remote identity of each dialog', () => {
    const parsed = parseDialogInfo(
      doc(`<dialog id="abc" call-id="x" direction="recipient"><state>confirmed</state>
        <remote><identity display="王小明">sip:+8613812345678@127.0.0.1</identity><target uri="sip:x"/></remote></dialog>`),
    );
    expect(parsed).toEqual({ full: true, dialogs: [{ id: 'abc', state: 'confirmed', direction: 'recipient', remote: 'sip:+8613812345678@127.0.0.1' }] });
  });

  it('accepts namespace prefixes, partial documents and a dialog list that is empty (no call)', () => {
    expect(parseDialogInfo(doc('', 'partial'))).toEqual({ full: false, dialogs: [] });
    const prefixed = `<d:dialog-info xmlns:d="urn:ietf:params:xml:ns:dialog-info" state="full"><d:dialog id="1" direction="initiator"><d:state>early</d:state></d:dialog></d:dialog-info>`;
    expect(parseDialogInfo(prefixed)?.dialogs).toEqual([{ id: '1', state: 'early', direction: 'initiator', remote: null }]);
  });

  it('treats hostile or broken bodies as data: unknown states skipped, markup in identities kept as text', () => {
    const parsed = parseDialogInfo(
      doc(`<dialog id="1"><state>exploded</state></dialog><dialog id="2"><state>early</state><remote><identity>&lt;img src=x onerror=alert(1)&gt;</identity></remote></dialog>`),
    );
    expect(parsed?.dialogs).toEqual([{ id: '2', state: 'early', direction: null, remote: '<img src=x onerror=alert(1)>' }]);
    expect(parseDialogInfo('<presence/>')).toBeNull();
    expect(parseDialogInfo('')).toBeNull();
  });
});

describe('parseDialogInfo reads XML as XML (what the regular expressions got wrong)', () => {
  it('any namespace prefix, including ones with a dash or a dot, and attributes in single quotes', () => {
    const body = `<di-ns.v1:dialog-info xmlns:di-ns.v1="urn:ietf:params:xml:ns:dialog-info" state='partial'>
      <di-ns.v1:dialog id='7' direction='recipient'><di-ns.v1:state>confirmed</di-ns.v1:state>
      <di-ns.v1:remote><di-ns.v1:identity>sip:2002@pbx</di-ns.v1:identity></di-ns.v1:remote></di-ns.v1:dialog></di-ns.v1:dialog-info>`;
    expect(parseDialogInfo(body)).toEqual({ full: false, dialogs: [{ id: '7', state: 'confirmed', direction: 'recipient', remote: 'sip:2002@pbx' }] });
  });

  it('CDATA, hexadecimal character references, and a commented-out dialog that is not there', () => {
    const parsed = parseDialogInfo(
      doc(`<!-- <dialog id="ghost"><state>confirmed</state></dialog> -->
        <dialog id="1"><state><![CDATA[early]]></state><remote><identity><![CDATA[sip:<王>@pbx]]></identity></remote></dialog>
        <dialog id="2"><state>confirmed</state><remote><identity>sip:&#x738B;&amp;co@pbx</identity></remote></dialog>`),
    );
    expect(parsed?.dialogs).toEqual([
      { id: '1', state: 'early', direction: null, remote: 'sip:<王>@pbx' },
      { id: '2', state: 'confirmed', direction: null, remote: 'sip:王&co@pbx' },
    ]);
  });

  it('hostile bodies: an entity bomb, a body of megabytes, nesting thousands deep and unclosed tags are not dialog-info, and return at once', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${doc('<dialog id="1"><state>early</state><remote><identity>&b;</identity></remote></dialog>')}`;
    expect(parseDialogInfo(bomb)).toBeNull();
    const started = Date.now();
    expect(parseDialogInfo(doc('<dialog id="x">'.repeat(200_000)))).toBeNull();
    expect(parseDialogInfo(doc('<dialog id="1"><state>early</state></dialog>'.repeat(50_000)))).toBeNull();
    expect(parseDialogInfo(`<dialog-info>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</dialog-info>`)).toBeNull();
    expect(parseDialogInfo(doc('<dialog id="1"><state>early</state>'))).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an identity full of control and bidirectional characters is cleaned and capped', () => {
    const parsed = parseDialogInfo(doc(`<dialog id="1"><state>early</state><remote><identity>\u202esip:${'9'.repeat(500)}@pbx</identity></remote></dialog>`));
    expect(parsed?.dialogs[0]?.remote).toBe(`sip:${'9'.repeat(196)}`);
  });
});

describe('DialogProgress', () => {
  const entry = (id: string, state: DialogEntry['state']): DialogEntry => ({ id, state, direction: 'recipient', remote: null });

  it('keeps a dialog at the furthest state reported: a late report of its ringing after its answer is stale', () => {
    const progress = new DialogProgress();
    expect(progress.settle({ full: true, dialogs: [entry('a', 'confirmed')] })).toEqual([entry('a', 'confirmed')]);
    expect(progress.settle({ full: true, dialogs: [entry('a', 'early')] })).toEqual([entry('a', 'confirmed')]);
    expect(progress.settle({ full: true, dialogs: [entry('a', 'terminated')] })).toEqual([entry('a', 'terminated')]);
  });

  it('takes each new dialog as reported, and forgets the dialogs a full report leaves out', () => {
    const progress = new DialogProgress();
    progress.settle({ full: true, dialogs: [entry('a', 'confirmed')] });
    expect(progress.settle({ full: true, dialogs: [entry('b', 'early')] })).toEqual([entry('b', 'early')]);
    // 'a' was forgotten with the report that left it out: a later report of it is taken as it is.
    expect(progress.settle({ full: false, dialogs: [entry('a', 'early')] })).toEqual([entry('a', 'early')]);
  });
});

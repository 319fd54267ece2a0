import { describe, expect, it } from 'vitest';
import { parseDialogInfo } from './dialog-info';

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

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Mutation, PushEnvelope, ServerContact } from './contract';

// The PBX's Call-ID on the call records a desktop shares with the team: data from outside, checked where it enters.
const contact = { startedAt: 1, direction: 'inbound', customer: { externalId: null, name: null, number: '+8613800000001' }, queue: null, durationS: 60, holdS: 0, disposition: null };
const record = (extra: object) => ({ kind: 'contact.record', contact: { id: randomUUID(), ...contact, ...extra } });
const REFUSED = 'a Call-ID is 1–256 visible ASCII characters, without spaces or control characters';

describe('the Call-ID of a shared call record', () => {
  it('is kept when it is one; an older desktop\'s record without it is still a record', () => {
    expect(Mutation.parse(record({ pbxCallId: 'a84b4c76e66710@192.0.2.4' }))).toMatchObject({ contact: { pbxCallId: 'a84b4c76e66710@192.0.2.4' } });
    expect(Mutation.safeParse(record({})).success).toBe(true);
  });

  it('is refused when too long, empty, or with a control character or space, saying which field and why', () => {
    for (const bad of ['a'.repeat(257), '', 'x@h\r\nX-Forged: 1', 'x@h\u0000', 'x @h', '呼叫@h']) {
      const r = Mutation.safeParse(record({ pbxCallId: bad }));
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['contact.pbxCallId', REFUSED]]);
    }
  });

  it('a push with a bad one passes the envelope, so the server refuses that change alone; an unknown kind does not', () => {
    const push = (mutation: object) => PushEnvelope.safeParse({ clientId: randomUUID(), mutations: [{ seq: 1, key: randomUUID(), mutation }] }).success;
    expect(push(record({ pbxCallId: 'x@h\u0007' }))).toBe(true);
    expect(push({ kind: 'contact.forget', id: randomUUID() })).toBe(false);
  });

  it('from the server: a bad one is taken as none and the rest of the call still applies', () => {
    const server = { id: randomUUID(), teamId: 1, agent: '1001', ...contact };
    expect(ServerContact.parse({ ...server, pbxCallId: 'ok@h' }).pbxCallId).toBe('ok@h');
    expect(ServerContact.parse({ ...server, pbxCallId: 'x@h\u001b[2J' })).toMatchObject({ agent: '1001', pbxCallId: null });
    expect(ServerContact.parse(server).pbxCallId).toBeUndefined();
  });
});

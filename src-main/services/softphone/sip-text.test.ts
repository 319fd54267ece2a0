import { describe, expect, it } from 'vitest';
import { headerText, targetUri } from './sip-text';

describe('targetUri: what the agent typed, as a SIP address', () => {
  it.each([
    ['2002', 'sip:2002@pbx.example'],
    ['+66 81 234 0000', 'sip:+66812340000@pbx.example'],
    ['(02) 123-4567', 'sip:021234567@pbx.example'],
    ['sip:help@other.example', 'sip:help@other.example'],
  ])('%s → %s', (typed, uri) => {
    expect(targetUri(typed, 'pbx.example').toString()).toBe(uri);
  });

  it.each(['', 'bob smith', '<script>', '2002@evil;x=1', 'a'.repeat(65)])('refuses %j with a message the agent can act on', (typed) => {
    expect(() => targetUri(typed, 'pbx.example')).toThrow(/is not a number or SIP address we can call/);
  });
});

describe('headerText', () => {
  it('keeps header values as plain text without control characters', () => {
    expect(headerText(' VIP\r\nX-Evil: 1 ')).toBe('VIPX-Evil: 1');
    expect(headerText(undefined)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { headerText, sipfragStatus, statusText, targetUri } from './sip-text';

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

describe('strings from the network are capped and cleaned where they enter', () => {
  it('drops C1 controls, bidirectional overrides, zero-width and BOM characters, and lone surrogate halves', () => {
    expect(headerText('\u202e1234\u202c \u2066VIP\u2069\u0085\u200b\ufeff\ud800!')).toBe('1234 VIP!');
    expect(headerText('\u202e\u0007')).toBeNull();
  });

  it('keeps Chinese, Thai and emoji whole, and never cuts a character in half at the cap', () => {
    expect(headerText('王小明 สมหญิง 😀')).toBe('王小明 สมหญิง 😀');
    const capped = headerText('😀'.repeat(300))!;
    expect(capped.length).toBeLessThanOrEqual(200);
    expect(capped).toBe('😀'.repeat(100));
    expect(headerText('a' + '😀'.repeat(300))!.length).toBe(199);
  });

  it('a megabyte header value comes out capped', () => {
    expect(headerText('x'.repeat(1_000_000))).toBe('x'.repeat(200));
  });

  it('a reason phrase is cleaned and capped to 100, so the status fits the call record', () => {
    const text = statusText({ statusCode: 486, reasonPhrase: `Busy\u202e Here ${'A'.repeat(5000)}\t\u0000` });
    expect(text.startsWith('486 Busy Here AAAA')).toBe(true);
    expect(text.length).toBe(104);
    expect(statusText({ statusCode: 603, reasonPhrase: '\u202e' })).toBe('603');
  });

  it('a NOTIFY sipfrag status line is capped the same way', () => {
    expect(sipfragStatus(`SIP/2.0 603 ${'\u2067D'.repeat(5000)}\r\n`)).toEqual({ code: 603, phrase: 'D'.repeat(100) });
  });
});

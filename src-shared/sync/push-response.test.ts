import { describe, expect, it } from 'vitest';
import { PushResponse } from './contract';

// The push's answer may carry a page of the team's changes. A page this desktop cannot read (a newer server's kind of
// change) must not make the push itself look failed: the server applied it, and a desktop retrying it for ever
// would hold every change behind it.
describe("the push's answer", () => {
  const results = [{ seq: 1, outcome: 'applied' }];

  it('keeps its results when the page it carries cannot be read; the page is taken as absent (the desktop pulls)', () => {
    const page = { changes: [{ seq: 7, entity: 'somethingNewer', data: {} }], cursor: 7, more: false, clientLastSeq: 1 };
    const parsed = PushResponse.parse({ results, lastSeq: 1, pull: page });
    expect(parsed.results).toEqual(results);
    expect(parsed.pull).toBeUndefined();
  });

  it('carries a page it can read', () => {
    const page = { changes: [], cursor: 7, more: false, clientLastSeq: 1 };
    expect(PushResponse.parse({ results, lastSeq: 1, pull: page }).pull).toEqual(page);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { FloorMember } from '../../../src-shared/domain/floor';
import { useFloor, visibleRows } from './store';

const m = (ext: string, over: Partial<FloorMember> = {}): FloorMember => ({ extension: ext, name: `Agent ${ext}`, state: 'ready', reason: null, stateSince: 0, queue: null, call: null, ...over });

describe('floor store', () => {
  beforeEach(() => useFloor.setState({ members: [], wentOffline: new Set() }));

  it('remembers who dropped offline after being online, and forgets it when they are back', () => {
    const { load, changed } = useFloor.getState();
    load(null, [m('1'), m('2', { state: 'offline' })]);
    changed(m('1', { state: 'offline' }));
    changed(m('2', { state: 'offline' }));
    expect([...useFloor.getState().wentOffline]).toEqual(['1']);
    changed(m('1'));
    expect(useFloor.getState().wentOffline.size).toBe(0);
  });

  it('filters by state and puts the longest in state, or the longest call, first', () => {
    const rows = [
      m('a', { stateSince: 30 }),
      m('b', { stateSince: 10, state: 'not-ready', reason: 'meal' }),
      m('c', { stateSince: 20, call: { state: 'on-call', since: 50, direction: 'inbound', remote: null } }),
      m('d', { stateSince: 5, call: { state: 'on-call', since: 40, direction: 'inbound', remote: null } }),
    ];
    expect(visibleRows(rows, 'all', 'longest-state').map((r) => r.extension)).toEqual(['d', 'b', 'c', 'a']);
    expect(visibleRows(rows, 'on-call', 'longest-call').map((r) => r.extension)).toEqual(['d', 'c']);
    expect(visibleRows(rows, 'ready', 'longest-state').map((r) => r.extension)).toEqual(['a']);
    expect(visibleRows(rows, 'not-ready', 'name').map((r) => r.extension)).toEqual(['b']);
  });
});

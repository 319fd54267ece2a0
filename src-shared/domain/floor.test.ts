import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERTS, floorAlerts, type FloorMember } from './floor';

const MIN = 60_000;
const NOW = 100 * MIN;
const m = (over: Partial<FloorMember>): FloorMember => ({ extension: '2001', name: 'A', state: 'ready', reason: null, stateSince: NOW, queue: null, call: null, ...over });

describe('floorAlerts', () => {
  it('raises a long call, long Not Ready and long after-call work at their thresholds, not before', () => {
    const members = [
      m({ extension: 'call', call: { state: 'on-call', since: NOW - 10 * MIN, direction: 'inbound', remote: null } }),
      m({ extension: 'short', call: { state: 'on-call', since: NOW - 9 * MIN, direction: 'inbound', remote: null } }),
      m({ extension: 'break', state: 'not-ready', reason: 'break', stateSince: NOW - 15 * MIN }),
      m({ extension: 'acw', state: 'after-call-work', stateSince: NOW - 4 * MIN }),
      m({ extension: 'ringing', call: { state: 'ringing', since: NOW - 60 * MIN, direction: 'inbound', remote: null } }),
    ];
    expect(floorAlerts(members, NOW, DEFAULT_ALERTS, new Set())).toEqual([
      { extension: 'call', kind: 'long-call', minutes: 10 },
      { extension: 'break', kind: 'long-not-ready', minutes: 15 },
      { extension: 'acw', kind: 'long-acw', minutes: 4 },
    ]);
  });

  it('raises offline only for an agent who was online and dropped, not for one who never signed in', () => {
    const members = [m({ extension: 'gone', state: 'offline' }), m({ extension: 'never', state: 'offline' })];
    expect(floorAlerts(members, NOW, DEFAULT_ALERTS, new Set(['gone']))).toEqual([{ extension: 'gone', kind: 'offline', minutes: 0 }]);
  });
});

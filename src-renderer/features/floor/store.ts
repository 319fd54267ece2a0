import { create } from 'zustand';
import type { FloorMember, TeamLeadSettings } from '../../../src-shared/domain/floor';

export type FloorFilter = 'all' | 'ready' | 'not-ready' | 'after-call-work' | 'on-call' | 'offline';
export type FloorSort = 'longest-state' | 'longest-call' | 'name';

interface FloorState {
  settings: TeamLeadSettings | null;
  members: FloorMember[];
  /** Members seen online this session who are offline now (an unexpected drop, not "never signed in"). */
  wentOffline: Set<string>;
  filter: FloorFilter;
  sort: FloorSort;
  load(settings: TeamLeadSettings | null, members: FloorMember[]): void;
  changed(member: FloorMember): void;
  set(partial: Partial<Pick<FloorState, 'filter' | 'sort'>>): void;
}

export const useFloor = create<FloorState>((set) => ({
  settings: null,
  members: [],
  wentOffline: new Set(),
  filter: 'all',
  sort: 'longest-state',
  load: (settings, members) => set({ settings, members }),
  changed: (member) =>
    set((s) => {
      const before = s.members.find((m) => m.extension === member.extension);
      const wentOffline = new Set(s.wentOffline);
      if (member.state === 'offline' && before && before.state !== 'offline') wentOffline.add(member.extension);
      if (member.state !== 'offline') wentOffline.delete(member.extension);
      const members = before ? s.members.map((m) => (m.extension === member.extension ? member : m)) : [...s.members, member];
      return { members, wentOffline };
    }),
  set: (partial) => set(partial),
}));

/** The rows to show: filtered by state, the longest-waiting (or longest call) first. */
export function visibleRows(members: readonly FloorMember[], filter: FloorFilter, sort: FloorSort): FloorMember[] {
  const shown = members.filter((m) =>
    filter === 'all' ? true : filter === 'on-call' ? m.call !== null : m.state === filter && (filter === 'offline' || m.call === null),
  );
  const callSince = (m: FloorMember) => (m.call ? m.call.since : Infinity);
  return [...shown].sort((a, b) =>
    sort === 'name' ? a.name.localeCompare(b.name) : sort === 'longest-call' ? callSince(a) - callSince(b) : a.stateSince - b.stateSince,
  );
}

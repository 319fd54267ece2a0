import { create } from 'zustand';
import type { ShellLink } from '../../api/client';

interface ShellLinkState {
  link: ShellLink;
  /** Whether the link was ever open: a first connection is not news, a reconnection is. */
  everOpen: boolean;
  /** True for a few seconds after the link came back, so the agent sees that it did. */
  justReconnected: boolean;
  set(next: Partial<Pick<ShellLinkState, 'link' | 'everOpen' | 'justReconnected'>>): void;
}

export const useShellLink = create<ShellLinkState>((set) => ({
  link: { state: 'connecting' },
  everOpen: false,
  justReconnected: false,
  set: (next) => set(next),
}));

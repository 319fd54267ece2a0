import { create } from 'zustand';

/** The side column holds one panel at a time at 1366×768: the reply, the work-order form or the list. */
export type SidePanel = 'reply' | 'work-order' | 'work-orders';

export const useLayout = create<{ side: SidePanel; show(side: SidePanel): void }>((set) => ({
  side: 'reply',
  show: (side) => set({ side }),
}));

import { create } from 'zustand';
import type { AppInfo } from '../../../src-shared/contract';
import type { AgentSettings, AgentState } from '../../../src-shared/domain/agent-state';
import type { Call } from '../../../src-shared/domain/call';
import type { Locale, ScreenPop } from '../../../src-shared/domain/screen-pop';
import type { SoftphoneStatus } from '../../../src-shared/domain/softphone';

export interface WorkspaceState {
  info: AppInfo | null;
  locale: Locale;
  status: SoftphoneStatus | null;
  /** The call on screen: the ringing or active one, or the last one until the next rings. */
  call: Call | null;
  screenPop: ScreenPop | null;
  error: { code: string; message: string } | null;
  agentState: AgentState | null;
  agentSettings: AgentSettings | null;
  setAgent(state: AgentState, settings?: AgentSettings): void;
  setInfo(info: AppInfo): void;
  setLocale(locale: Locale): void;
  setStatus(status: SoftphoneStatus): void;
  ringing(call: Call, screenPop: ScreenPop): void;
  callUpdated(call: Call): void;
  showError(error: { code: string; message: string } | null): void;
}

export const useWorkspace = create<WorkspaceState>((set) => ({
  info: null,
  locale: 'en',
  status: null,
  call: null,
  screenPop: null,
  error: null,
  agentState: null,
  agentSettings: null,
  setAgent: (agentState, agentSettings) => set((s) => ({ agentState, agentSettings: agentSettings ?? s.agentSettings })),
  setInfo: (info) => set({ info, locale: info.uiLocale }),
  setLocale: (locale) => set({ locale }),
  setStatus: (status) => set({ status }),
  ringing: (call, screenPop) => set({ call, screenPop, error: null }),
  callUpdated: (call) => set((s) => (s.call?.callId === call.callId ? { call } : {})),
  showError: (error) => set({ error }),
}));

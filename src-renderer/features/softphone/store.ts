import { create } from 'zustand';
import type { AppInfo } from '../../../src-shared/contract';
import type { AgentSettings, AgentState } from '../../../src-shared/domain/agent-state';
import type { Call } from '../../../src-shared/domain/call';
import type { Locale, ScreenPop } from '../../../src-shared/domain/screen-pop';
import type { SoftphoneStatus } from '../../../src-shared/domain/softphone';
import type { ShownError } from '../../i18n/main-error-text';

export interface WorkspaceState {
  info: AppInfo | null;
  locale: Locale;
  status: SoftphoneStatus | null;
  /** The call on screen: the ringing or active one, or the last one until the next rings. */
  call: Call | null;
  screenPop: ScreenPop | null;
  /** The consultation call of an attended transfer, while the customer waits on hold. */
  consult: Call | null;
  /** A second call ringing while the agent is on one (call waiting); it takes the screen when that call ends. */
  waiting: { call: Call; screenPop: ScreenPop } | null;
  error: ShownError | null;
  agentState: AgentState | null;
  agentSettings: AgentSettings | null;
  setAgent(state: AgentState, settings?: AgentSettings): void;
  setInfo(info: AppInfo): void;
  setLocale(locale: Locale): void;
  setStatus(status: SoftphoneStatus): void;
  /** A call to put on screen with its pop: one that rings, or one the agent dialled. */
  showCall(call: Call, screenPop: ScreenPop): void;
  /** The state of a call changed; a consultation call is kept beside the customer's. */
  callUpdated(call: Call): void;
  showError(error: ShownError | null): void;
}

const isLive = (call: Call) => call.state === 'active' || call.state === 'connecting';

export const useWorkspace = create<WorkspaceState>((set) => ({
  info: null,
  locale: 'en',
  status: null,
  call: null,
  screenPop: null,
  consult: null,
  waiting: null,
  error: null,
  agentState: null,
  agentSettings: null,
  setAgent: (agentState, agentSettings) => set((s) => ({ agentState, agentSettings: agentSettings ?? s.agentSettings })),
  setInfo: (info) => set({ info, locale: info.uiLocale }),
  setLocale: (locale) => set({ locale }),
  setStatus: (status) => set({ status }),
  showCall: (call, screenPop) =>
    set((s) => {
      if (s.call?.callId === call.callId) return { screenPop };
      if (call.state === 'ringing' && s.call && isLive(s.call)) return { waiting: { call, screenPop } };
      return { call, screenPop, consult: null, error: null };
    }),
  callUpdated: (call) =>
    set((s) => {
      if (s.waiting?.call.callId === call.callId) return { waiting: call.state === 'ended' ? null : { ...s.waiting, call } };
      if (s.call?.callId === call.callId) {
        // The agent's call ended with another one still ringing: that one is on screen now, with its pop.
        if (call.state === 'ended' && s.waiting) return { ...s.waiting, waiting: null, consult: null };
        return { call };
      }
      if (call.consultFor !== null && call.consultFor === s.call?.callId) return { consult: call };
      // A call the agent dialled, when nothing else is on screen: its pop follows from showCall.
      const free = s.call === null || s.call.state === 'ended';
      if (call.direction === 'outbound' && call.consultFor === null && free) return { call, screenPop: null, consult: null };
      return {};
    }),
  showError: (error) => set({ error }),
}));

import {
  ContractError,
  type BridgeApi,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
  subscriberName,
} from '../../src-shared/contract';
import { createWebSocketBridge } from './web-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web shell. */
    agentDesktop?: BridgeApi;
  }
}

const TOKEN_KEY = 'agent-desktop.token';

/** The one client of the contract: the Electron preload when present, otherwise the web shell's WebSocket. */
function connectBridge(): BridgeApi {
  if (window.agentDesktop) return window.agentDesktop;
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromFragment) {
    sessionStorage.setItem(TOKEN_KEY, fromFragment);
    history.replaceState(null, '', window.location.pathname);
  }
  return createWebSocketBridge(window.location.origin, sessionStorage.getItem(TOKEN_KEY) ?? '');
}

const bridge = connectBridge();

/** Sends a request; resolves with the response or throws a ContractError the UI can show. */
export async function request<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const call = bridge[channel] as (p: RequestOf<C>) => Promise<import('../../src-shared/contract').Reply<ResponseOf<C>>>;
  const reply = await call(payload);
  if (!reply.ok) throw new ContractError(reply.error.code, reply.error.message, reply.error.issues);
  return reply.result;
}

export function subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  const on = bridge[subscriberName(event)] as (l: (payload: EventOf<E>) => void) => () => void;
  return on(listener);
}

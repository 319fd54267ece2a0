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
import { SESSION_PATH } from '../../src-shared/wire';
import type { ShellLink } from './shell-link';
import { createWebSocketBridge } from './web-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web shell. */
    agentDesktop?: BridgeApi;
  }
}

/** Per tab: a reload keeps the window in, a new tab needs its own one-time code. */
const SECRET_KEY = 'agent-desktop.session';

/**
 * The window's way into the web shell: a one-time code in the address (#code=…) is traded for the session
 * secret once and taken out of the address bar; after that the secret kept for this tab is used.
 */
function sessionSecret(): () => Promise<string | null> {
  const code = new URLSearchParams(window.location.hash.slice(1)).get('code');
  if (code) history.replaceState(null, '', window.location.pathname);
  let redeemed: Promise<void> | null = code ? redeem(code) : null;
  return async () => {
    if (redeemed) {
      await redeemed;
      redeemed = null;
    }
    return sessionStorage.getItem(SECRET_KEY);
  };
}

async function redeem(code: string): Promise<void> {
  try {
    const response = await fetch(SESSION_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.slice(0, 200) }),
      cache: 'no-store',
    });
    if (!response.ok) return;
    const { secret } = (await response.json()) as { secret?: unknown };
    if (typeof secret === 'string' && /^[0-9a-f]{64}$/.test(secret)) sessionStorage.setItem(SECRET_KEY, secret);
  } catch {
    // The shell is not there: the bridge says so and retries with what is stored.
  }
}

interface Bridge {
  api: BridgeApi;
  link(): ShellLink;
  onLinkChange(listener: (link: ShellLink) => void): () => void;
}

/** The one client of the contract: the Electron preload when present, otherwise the web shell's WebSocket. */
function connectBridge(): Bridge {
  if (window.agentDesktop) {
    const open: ShellLink = { state: 'open', reconnected: false };
    return { api: window.agentDesktop, link: () => open, onLinkChange: () => () => undefined };
  }
  return createWebSocketBridge(window.location.origin, sessionSecret());
}

const bridge = connectBridge();

/** Sends a request; resolves with the response or throws a ContractError the UI can show. */
export async function request<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const call = bridge.api[channel] as (p: RequestOf<C>) => Promise<import('../../src-shared/contract').Reply<ResponseOf<C>>>;
  const reply = await call(payload);
  if (!reply.ok) {
    const { code, message, issues, key, params } = reply.error;
    throw new ContractError(code, message, issues, key ? { key, ...(params ? { params } : {}) } : undefined);
  }
  return reply.result;
}

export function subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
  const on = bridge.api[subscriberName(event)] as (l: (payload: EventOf<E>) => void) => () => void;
  return on(listener);
}

/** The link to the web shell as it is now, and every change after (lost, reconnected, refused). */
export function followShellLink(listener: (link: ShellLink) => void): () => void {
  listener(bridge.link());
  return bridge.onLinkChange(listener);
}
export type { ShellLink } from './shell-link';

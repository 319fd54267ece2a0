import { followShellLink } from '../../api/client';
import { useShellLink } from './store';

const RECONNECTED_NOTICE_MS = 4_000;

/** Follows the link to Agent Desktop; `onReconnected` reloads what the window may have missed while it was down. */
export function connectShellLink(onReconnected: () => void): () => void {
  let hideNotice: ReturnType<typeof setTimeout> | undefined;
  const off = followShellLink((link) => {
    const reconnected = link.state === 'open' && link.reconnected;
    const store = useShellLink.getState();
    store.set({ link, justReconnected: reconnected, everOpen: store.everOpen || link.state === 'open' });
    clearTimeout(hideNotice);
    if (reconnected) {
      hideNotice = setTimeout(() => useShellLink.getState().set({ justReconnected: false }), RECONNECTED_NOTICE_MS);
      onReconnected();
    }
  });
  return () => {
    off();
    clearTimeout(hideNotice);
  };
}

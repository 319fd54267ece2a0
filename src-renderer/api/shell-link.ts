/** Where the web shell's WebSocket stands, as the page shows it. Under Electron it is always open. */
export type ShellLink =
  | { state: 'connecting' }
  | { state: 'open'; reconnected: boolean }
  | { state: 'lost'; retryInMs: number }
  | { state: 'refused' };

/** Capped exponential backoff with jitter, so many windows do not knock on a restarted shell at the same moment. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(250 * 2 ** attempt, 8_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Where the app's own pages live: a privileged custom scheme, never file://. Every trust decision in this host
 * (IPC sender, permissions, navigation) asks isAppUrl, so the rule is written once.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'agent-desktop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for app://agent-desktop and anything under it; false for other hosts, schemes and unparsable text. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

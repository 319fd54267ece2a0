/** The sync requests a server process took in a window, by kind, per desktop that came back in it. */
export interface RecoveryRequests {
  desktops: number;
  seconds: number;
  pushesPerDesktop: number;
  pullsPerDesktop: number;
  liveChannelsPerDesktop: number;
  requestsPerDesktop: number;
}

const KINDS = { '/v1/sync/push': 'pushes', '/v1/sync/pull': 'pulls', '/v1/sync/live': 'live' } as const;

/**
 * Counts the sync requests in a team server's log (Fastify's "incoming request" lines, JSON one a line, at level
 * info) whose time falls in [from, to) (epoch ms), divided by the desktops that reconnected then: what one
 * desktop's return after a fault costs the server in requests, whatever the machine's load.
 */
export function recoveryRequests(log: string, from: number, to: number, desktops: number): RecoveryRequests {
  const n = { pushes: 0, pulls: 0, live: 0 };
  for (const line of log.split('\n')) {
    if (!line.includes('"incoming request"')) continue;
    let entry: { time?: unknown; req?: { url?: unknown } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    if (typeof entry.time !== 'number' || entry.time < from || entry.time >= to || typeof entry.req?.url !== 'string') continue;
    const kind = KINDS[entry.req.url.split('?')[0] as keyof typeof KINDS];
    if (kind) n[kind]++;
  }
  const per = (x: number) => Math.round((x / Math.max(1, desktops)) * 100) / 100;
  return {
    desktops,
    seconds: Math.round((to - from) / 100) / 10,
    pushesPerDesktop: per(n.pushes),
    pullsPerDesktop: per(n.pulls),
    liveChannelsPerDesktop: per(n.live),
    requestsPerDesktop: per(n.pushes + n.pulls + n.live),
  };
}

import { z } from 'zod';
import { CallQualityLevel } from '../quality/level';

/** One team member as the floor board shows them, from the PBX's presence and dialog events. */
export const FloorMember = z.object({
  extension: z.string().max(32),
  name: z.string().max(200),
  /** From the agent's published presence; offline when nothing is published (or it was withdrawn). */
  state: z.enum(['ready', 'not-ready', 'after-call-work', 'offline']),
  reason: z.string().max(100).nullable(),
  stateSince: z.number(),
  /** The queue of the call the agent is on, as their desktop publishes it (null when off a call or unknown). */
  queue: z.string().max(100).nullable(),
  /** From the dialog event package (RFC 4235): the agent's call, if any. */
  call: z
    .object({
      state: z.enum(['ringing', 'on-call']),
      since: z.number(),
      direction: z.enum(['inbound', 'outbound']).nullable(),
      /** The other party as the PBX names it (plain text). */
      remote: z.string().max(200).nullable(),
    })
    .nullable(),
  /** The live quality of the agent's call, as her desktop publishes it (absent or null: none known). */
  quality: CallQualityLevel.nullable().optional(),
  /** The verdict of her last "Test my connection" (absent or null: none this session). */
  connectionTest: CallQualityLevel.nullable().optional(),
  /** Her last three calls ended poor: worth a word about her line. */
  poorStreak: z.boolean().optional(),
});
export type FloorMember = z.infer<typeof FloorMember>;

/** How the lead's phone asks the PBX to monitor an agent's call. */
export const MonitorMode = z.enum(['listen', 'whisper', 'barge']);
export type MonitorMode = z.infer<typeof MonitorMode>;

/**
 * Team-lead settings: who is on the team, the PBX's monitoring feature codes (dialled as code + extension;
 * Asterisk ChanSpy-style by default, FreeSWITCH eavesdrop as the other preset), and when to raise an alert.
 */
export const TeamLeadSettings = z.object({
  team: z.array(z.object({ extension: z.string().regex(/^[0-9A-Za-z_.-]{1,32}$/), name: z.string().min(1).max(100) })).max(500),
  monitorCodes: z.object({ listen: z.string().regex(/^[*#0-9]{1,8}$/), whisper: z.string().regex(/^[*#0-9]{1,8}$/), barge: z.string().regex(/^[*#0-9]{1,8}$/) }),
  alerts: z.object({
    longCallMinutes: z.number().positive().max(600),
    longNotReadyMinutes: z.number().positive().max(600),
    longAfterCallWorkMinutes: z.number().positive().max(600),
    sound: z.boolean(),
  }),
});
export type TeamLeadSettings = z.infer<typeof TeamLeadSettings>;

export const MONITOR_CODE_PRESETS = {
  asterisk: { listen: '*222', whisper: '*223', barge: '*224' },
  freeswitch: { listen: '*0102', whisper: '*0103', barge: '*0104' },
} as const;

export const DEFAULT_ALERTS: TeamLeadSettings['alerts'] = { longCallMinutes: 10, longNotReadyMinutes: 15, longAfterCallWorkMinutes: 3, sound: false };

export type FloorAlert = { extension: string; kind: 'long-call' | 'long-not-ready' | 'long-acw' | 'offline'; minutes: number };

/**
 * What needs the lead's eye now: a long call, a long Not Ready or after-call work, an agent gone offline while
 * others expected them (they had been online this session). Pure, so the board and the tests agree.
 */
export function floorAlerts(members: readonly FloorMember[], now: number, alerts: TeamLeadSettings['alerts'], wentOffline: ReadonlySet<string>): FloorAlert[] {
  const out: FloorAlert[] = [];
  const minutes = (since: number) => Math.floor((now - since) / 60_000);
  const over = (since: number, limitMinutes: number) => now - since >= limitMinutes * 60_000;
  for (const m of members) {
    if (m.call?.state === 'on-call' && over(m.call.since, alerts.longCallMinutes)) out.push({ extension: m.extension, kind: 'long-call', minutes: minutes(m.call.since) });
    else if (m.state === 'not-ready' && over(m.stateSince, alerts.longNotReadyMinutes)) out.push({ extension: m.extension, kind: 'long-not-ready', minutes: minutes(m.stateSince) });
    else if (m.state === 'after-call-work' && over(m.stateSince, alerts.longAfterCallWorkMinutes)) out.push({ extension: m.extension, kind: 'long-acw', minutes: minutes(m.stateSince) });
    else if (m.state === 'offline' && wentOffline.has(m.extension)) out.push({ extension: m.extension, kind: 'offline', minutes: minutes(m.stateSince) });
  }
  return out;
}

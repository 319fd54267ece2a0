import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentSettings, DEFAULT_AGENT_SETTINGS } from '../../src-shared/domain/agent-state';
import { Locale } from '../../src-shared/domain/screen-pop';
import { DEFAULT_SLA_HOURS, SlaHours } from '../../src-shared/workorders/complaint';
import { DEFAULT_ALERTS, MONITOR_CODE_PRESETS, TeamLeadSettings } from '../../src-shared/domain/floor';
import { ReportSettings } from '../services/reports/report-settings';

/** Everything configurable except secrets: the SIP password lives in the OS keychain (Electron safeStorage). */
export const AppConfig = z.object({
  uiLocale: Locale.default('en'),
  /** Region for national numbers without a country code: CN, TW, TH, US ... */
  defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'defaultRegion must be a two-letter country code such as CN, TW or TH').default('CN'),
  pbx: z
    .object({
      server: z.string().regex(/^wss?:\/\/[^\s]+$/, 'pbx.server must be a ws:// or wss:// URL'),
      domain: z.string().min(1),
      extension: z.string().regex(/^[0-9A-Za-z_.-]{1,32}$/, 'pbx.extension must be 1–32 letters or digits'),
      displayName: z.string().max(100).default(''),
    })
    .nullable()
    .default(null),
  /** Not Ready reasons, dispositions, ACW seconds, refusing calls while not Ready, auto-answer. */
  agent: AgentSettings.partial()
    .default({})
    .transform((a) => ({ ...DEFAULT_AGENT_SETTINGS, ...a })),
  /** Complaint SLA hours per severity (ordinary / difficult / major). */
  workOrders: z
    .object({ slaHours: SlaHours.partial().default({}) })
    .default({ slaHours: {} })
    .transform((w) => ({ slaHours: { ...DEFAULT_SLA_HOURS, ...w.slaHours } })),
  /** Reports: the site's time zone (IANA name; null: this computer's) and "My day" targets per metric. */
  reports: ReportSettings,
  /**
   * The team server this desktop syncs with (absent: the desktop works alone, everything local). The password is
   * never here: it is asked for at sign-in; the refresh token is kept with the OS keychain (web shell: memory).
   */
  team: z
    .object({
      server: z.string().refine((u) => /^https:\/\/[^\s]+$/.test(u) || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/[^\s]*)?$/.test(u),
        'team.server must be an https:// address (http:// only on this computer, for the lab)'),
      username: z.string().regex(/^[0-9A-Za-z_.-]{1,64}$/, 'team.username is 1–64 letters, digits, dots, dashes or underscores'),
    })
    .nullable()
    .default(null),
  /**
   * Present for a team lead: the floor board watches these team members. monitorPreset picks the PBX dialect's
   * feature codes (asterisk: *222/*223/*224, freeswitch: eavesdrop); monitorCodes overrides them one by one.
   */
  teamLead: z
    .object({
      team: TeamLeadSettings.shape.team,
      monitorPreset: z.enum(['asterisk', 'freeswitch']).default('asterisk'),
      monitorCodes: TeamLeadSettings.shape.monitorCodes.partial().default({}),
      alerts: TeamLeadSettings.shape.alerts.partial().default({}),
    })
    .nullable()
    .default(null)
    .transform((t): TeamLeadSettings | null =>
      t === null
        ? null
        : { team: t.team, monitorCodes: { ...MONITOR_CODE_PRESETS[t.monitorPreset], ...t.monitorCodes }, alerts: { ...DEFAULT_ALERTS, ...t.alerts } },
    ),
});
export type AppConfig = z.infer<typeof AppConfig>;

/** Same folder Electron's app.getPath('userData') gives on Linux, so both hosts share one cache. */
export function defaultDataDir(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'agent-desktop');
}

/** Reads <dataDir>/config.json, then the AGENT_DESKTOP_* environment overrides. */
export function loadConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const file = join(dataDir, 'config.json');
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`${file} is not valid JSON (${(err as Error).message}); fix or remove it.`);
    }
  }
  if (env.AGENT_DESKTOP_PBX_URL) {
    raw.pbx = {
      ...(raw.pbx as object | undefined),
      server: env.AGENT_DESKTOP_PBX_URL,
      domain: env.AGENT_DESKTOP_SIP_DOMAIN ?? new URL(env.AGENT_DESKTOP_PBX_URL).hostname,
      extension: env.AGENT_DESKTOP_EXTENSION ?? (raw.pbx as { extension?: string } | undefined)?.extension,
    };
  }
  if (env.AGENT_DESKTOP_LOCALE) raw.uiLocale = env.AGENT_DESKTOP_LOCALE;
  if (env.AGENT_DESKTOP_TEAM_SERVER) {
    raw.team = { ...(raw.team as object | undefined), server: env.AGENT_DESKTOP_TEAM_SERVER, username: env.AGENT_DESKTOP_TEAM_USER ?? (raw.team as { username?: string } | undefined)?.username };
  }
  const parsed = AppConfig.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Configuration in ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

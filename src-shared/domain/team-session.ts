/**
 * The settings screen's "Team server" section: the address, the user name and the password of the first sign-in.
 * One schema for both sides (the form checks with it as the agent types, main checks the request again). Each
 * issue's message is a message key (settings.issue.*), so the renderer says it in the agent's language.
 */
import { z } from 'zod';
import { SessionUser } from '../sync/contract';
import { isLoopbackHost } from './phone-settings';

export const TEAM_ISSUES = [
  'settings.issue.teamServerFormat',
  'settings.issue.httpsRequired',
  'settings.issue.teamUserFormat',
  'settings.issue.teamPasswordRequired',
] as const;
export type TeamIssue = (typeof TEAM_ISSUES)[number];

const issue = (key: TeamIssue) => ({ message: key });

/** http(s)://host[:port][/path]: the host as written, IPv6 in brackets. */
const HTTP_URL = /^(https?):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/[^\s?#]*)?$/i;

/**
 * The team server's address. Passwords and tokens cross this link, so anything that leaves the computer must be
 * https:// (the live channel then is wss://), as the PBX address rule already says for ws://.
 */
export const TeamServerAddress = z
  .string()
  .trim()
  .min(1, issue('settings.issue.teamServerFormat'))
  .max(500, issue('settings.issue.teamServerFormat'))
  .regex(HTTP_URL, issue('settings.issue.teamServerFormat'))
  .refine((url) => {
    const m = HTTP_URL.exec(url);
    return !m || m[1]!.toLowerCase() === 'https' || isLoopbackHost(m[2]!);
  }, issue('settings.issue.httpsRequired'));

export const TeamSignIn = z
  .object({
    server: TeamServerAddress,
    username: z.string().trim().regex(/^[0-9A-Za-z_.-]{1,64}$/, issue('settings.issue.teamUserFormat')),
    /** Used for this one sign-in, then forgotten: only the refresh token is kept. */
    password: z.string().min(1, issue('settings.issue.teamPasswordRequired')).max(200, issue('settings.issue.teamPasswordRequired')),
  })
  .strict();
export type TeamSignIn = z.infer<typeof TeamSignIn>;

/**
 * How this desktop stands with its team server, as the settings screen says it:
 * none (works alone), signed-in, wrong-password (refused; not tried again until the password changes),
 * locked (too many attempts: retryAfterS), unreachable, signed-out (the session ended; sign in again).
 */
export const TeamSessionState = z.enum(['none', 'signed-in', 'wrong-password', 'locked', 'unreachable', 'signed-out']);
export type TeamSessionState = z.infer<typeof TeamSessionState>;

export const TeamSessionView = z.object({
  server: z.string().nullable(),
  username: z.string().nullable(),
  state: TeamSessionState,
  user: SessionUser.nullable(),
  retryAfterS: z.number().int().nullable(),
  /** keychain: the refresh token is kept encrypted (Electron); session: memory only (the web shell). */
  sessionKept: z.enum(['keychain', 'session']),
  /** The demo's team server is not the agent's to change. */
  editable: z.boolean(),
});
export type TeamSessionView = z.infer<typeof TeamSessionView>;

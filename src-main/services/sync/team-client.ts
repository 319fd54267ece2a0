import { z } from 'zod';
import {
  PullResponse, PushResponse, TeamDesktopsResponse, TeamMembersResponse, TokenResponse,
  type PushRequest, type SessionUser, type TeamDesktop,
} from '../../../src-shared/sync/contract';
import { KnowledgePullResponse, PublishResponse, type PublishRequest } from '../../../src-shared/sync/knowledge-contract';
import { RecordingSummary, type RecordingQuery } from '../../../src-shared/recording/recording-contract';

const RecordingsResponse = z.object({ recordings: z.array(RecordingSummary) });

/** Where the refresh token lives: Electron safeStorage on a desktop, memory only in the web shell. */
export interface RefreshTokenStore {
  load(): Promise<string | null>;
  save(token: string | null): Promise<void>;
}

export const memoryTokenStore = (): RefreshTokenStore => {
  let token: string | null = null;
  return { load: async () => token, save: async (t) => void (token = t) };
};

/** A failed request: the status (0 when the server could not be reached) and how long the server asked us to wait. */
export class TeamServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs: number | null = null,
    readonly code = '',
    /** On a sequence gap (409): the change number the server expects next from this desktop. */
    readonly expectedSeq: number | null = null,
  ) {
    super(message);
  }

  /** Worth trying again later (network, overload, server restart), as opposed to a refusal. */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/**
 * The desktop's HTTP client of the team server: signs in, keeps a short-lived access token and refreshes it
 * with the refresh token, and checks every response against the sync contract.
 */
export class TeamClient {
  private accessToken: string | null = null;
  user: SessionUser | null = null;

  constructor(
    readonly baseUrl: string,
    readonly username: string,
    private readonly tokens: RefreshTokenStore,
    private password: string | null,
    private readonly timeoutMs = 10_000,
  ) {}

  get token(): string | null {
    return this.accessToken;
  }

  /** The server said this access token is no longer good (expired, or her account changed): get a fresh one. */
  forgetAccessToken(): void {
    this.accessToken = null;
  }

  private signingIn: Promise<SessionUser> | null = null;

  /**
   * Signs in with the refresh token when there is one, else with the password (used once, then forgotten). One
   * at a time: two refreshes with the same token would look like a stolen token to the server and end the session.
   */
  signIn(): Promise<SessionUser> {
    this.signingIn ??= this.signInOnce().finally(() => (this.signingIn = null));
    return this.signingIn;
  }

  private async signInOnce(): Promise<SessionUser> {
    const refresh = await this.tokens.load();
    if (refresh) {
      try {
        return await this.accept(await this.request('POST', '/v1/auth/refresh', TokenResponse, { refreshToken: refresh }, false));
      } catch (err) {
        if (err instanceof TeamServerError && err.transient) throw err;
        await this.tokens.save(null);
      }
    }
    if (!this.password) throw new TeamServerError(401, 'Sign in to the team server: your session has ended.', null, 'SIGNED_OUT');
    let t: TokenResponse;
    try {
      t = await this.request('POST', '/v1/auth/sign-in', TokenResponse, { username: this.username, password: this.password }, false);
    } catch (err) {
      // A refused password is not tried again (every poll would count one more wrong guess against her name and
      // lock her out): she enters it again in settings. An unreachable server keeps it for the next try.
      if (err instanceof TeamServerError && err.status === 401) this.password = null;
      throw err;
    }
    this.password = null;
    return this.accept(t);
  }

  async signOut(): Promise<void> {
    if (this.accessToken) await this.request('POST', '/v1/auth/sign-out', null, {}).catch(() => undefined);
    this.accessToken = null;
    await this.tokens.save(null);
  }

  push(body: PushRequest): Promise<PushResponse> {
    return this.authed('POST', '/v1/sync/push', PushResponse, body);
  }

  pull(after: number, clientId: string, waiting: number): Promise<PullResponse> {
    return this.authed('GET', `/v1/sync/pull?after=${after}&clientId=${clientId}&waiting=${waiting}`, PullResponse);
  }

  /** Publishes knowledge (a team lead's or an admin's): each record is checked on the server, a bad one named. */
  publishKnowledge(body: PublishRequest): Promise<PublishResponse> {
    return this.authed('POST', '/v1/knowledge/publish', PublishResponse, body);
  }

  /** Knowledge published or retired after a position of the knowledge feed. */
  pullKnowledge(after: number, limit: number): Promise<KnowledgePullResponse> {
    return this.authed('GET', `/v1/knowledge/pull?after=${after}&limit=${limit}`, KnowledgePullResponse);
  }

  /** The team lead's view of her team's desktops. */
  desktops(): Promise<TeamDesktop[]> {
    return this.authed('GET', '/v1/team/desktops', TeamDesktopsResponse).then((r) => r.desktops);
  }

  /** The team lead's team: its members and queues, for reassigning. */
  members(): Promise<TeamMembersResponse> {
    return this.authed('GET', '/v1/team/members', TeamMembersResponse);
  }

  /** Recordings the signed-in person may hear (the server applies its policy: a lead's team, an agent's own). */
  searchRecordings(q: Partial<RecordingQuery>): Promise<RecordingSummary[]> {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
    return this.authed('GET', `/v1/recordings?${params}`, RecordingsResponse).then((r) => r.recordings);
  }

  /** One byte range of a recording's WAV; the server checks who may hear it and logs the fetch. */
  async recordingAudio(id: string, start: number, end: number): Promise<{ bytes: Buffer; total: number }> {
    const get = () =>
      fetch(new URL(`/v1/recordings/${encodeURIComponent(id)}/audio`, this.baseUrl), {
        headers: { authorization: `Bearer ${this.accessToken}`, range: `bytes=${start}-${end}` },
        signal: AbortSignal.timeout(this.timeoutMs),
      }).catch((err: Error) => {
        throw new TeamServerError(0, `The team server cannot be reached (${err.message}).`);
      });
    if (!this.accessToken) await this.signIn();
    let res = await get();
    if (res.status === 401) {
      this.accessToken = null;
      await this.signIn();
      res = await get();
    }
    // Only the range asked for: a server that ignores the range (200) or sends more is refused, not read whole.
    if (res.status === 200) throw new TeamServerError(502, 'The team server sent the whole recording instead of the range asked for.');
    if (Number(res.headers.get('content-length') ?? NaN) > end - start + 1) throw new TeamServerError(502, 'The team server sent more of the recording than was asked for.');
    if (res.status !== 206) {
      const json = (await res.json().catch(() => null)) as { message?: string; error?: string } | null;
      throw new TeamServerError(res.status, (json?.message ?? `The team server answered ${res.status}.`).slice(0, 300), null, json?.error ?? '');
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > end - start + 1) throw new TeamServerError(502, 'The team server sent more of the recording than was asked for.');
    const total = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
    if (!Number.isFinite(total)) throw new TeamServerError(502, 'The team server sent a range without the file size.');
    return { bytes, total };
  }

  private async accept(t: TokenResponse): Promise<SessionUser> {
    this.accessToken = t.accessToken;
    this.user = t.user;
    await this.tokens.save(t.refreshToken);
    return t.user;
  }

  /** One retry after signing in again when the access token expired. */
  private async authed<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    if (!this.accessToken) await this.signIn();
    try {
      return await this.request(method, path, schema, body);
    } catch (err) {
      if (!(err instanceof TeamServerError) || err.status !== 401) throw err;
      this.accessToken = null;
      await this.signIn();
      return this.request(method, path, schema, body);
    }
  }

  private async request<S extends z.ZodType>(method: string, path: string, schema: S | null, body?: unknown, auth = true): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(auth && this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new TeamServerError(0, `The team server cannot be reached (${(err as Error).message}).`);
    }
    const text = await res.text().catch(() => '');
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page: reported by status below.
    }
    if (!res.ok) {
      const retry = Number(res.headers.get('retry-after'));
      const message = (json as { message?: string } | null)?.message ?? `The team server answered ${res.status}.`;
      const expected = Number(res.headers.get('x-expected-seq'));
      throw new TeamServerError(
        res.status,
        message.slice(0, 300),
        Number.isFinite(retry) && retry > 0 ? retry * 1000 : null,
        (json as { error?: string } | null)?.error ?? '',
        Number.isInteger(expected) && expected >= 1 ? expected : null,
      );
    }
    if (!schema) return json as z.infer<S>;
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new TeamServerError(502, `The team server sent an answer this desktop does not understand (${parsed.error.issues[0]?.message}).`);
    return parsed.data;
  }
}

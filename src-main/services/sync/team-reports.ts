import type { z } from 'zod';
import { ContractError } from '../../../src-shared/contract';
import { ReportResult, type ReportRequest, type ReportSource } from '../../../src-shared/reports/report-contract';
import { TeamServerError, type TeamClient } from './team-client';

type Request = z.output<typeof ReportRequest>;
type Session = Pick<TeamClient, 'baseUrl' | 'token' | 'signIn' | 'forgetAccessToken' | 'user'>;

/**
 * Reports from the team server (POST /v1/reports), with the signed-in team session's access token: the server
 * decides what this person may see. Every failure becomes a ContractError whose key says, in the agent's language,
 * what happened and what to do (src-renderer/i18n/main-error-messages.ts, mainError.reports.*).
 */
export class TeamReports implements ReportSource {
  constructor(
    private readonly session: Session,
    private readonly timeoutMs = 20_000,
  ) {}

  async get(request: Request): Promise<ReportResult> {
    try {
      if (!this.session.token) await this.session.signIn();
      try {
        return await this.post(request);
      } catch (err) {
        // An access token that expired (or whose account changed): one fresh sign-in with the refresh token, once.
        if (!(err instanceof TeamServerError) || err.status !== 401) throw err;
        this.session.forgetAccessToken();
        await this.session.signIn();
        return await this.post(request);
      }
    } catch (err) {
      throw this.explain(err, request);
    }
  }

  private async post(request: Request): Promise<ReportResult> {
    let res: Response;
    try {
      res = await fetch(new URL('/v1/reports', this.session.baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.session.token}` },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new TeamServerError(0, `The team server cannot be reached (${(err as Error).message}).`);
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const body = (json ?? {}) as { message?: unknown; error?: unknown };
      throw new TeamServerError(res.status, typeof body.message === 'string' ? body.message.slice(0, 300) : `The team server answered ${res.status}.`, null, typeof body.error === 'string' ? body.error : '');
    }
    const parsed = ReportResult.safeParse(json);
    if (!parsed.success) throw new TeamServerError(502, `The team server sent a report this desktop does not understand (${parsed.error.issues[0]?.message}).`, null, 'UNREADABLE');
    return parsed.data;
  }

  /** The server's refusal in words the agent can act on; the server's own English stays in the message for the log. */
  private explain(err: unknown, request: Request): ContractError {
    if (!(err instanceof TeamServerError)) {
      return new ContractError('FAILED', `The report could not be fetched (${(err as Error).message}).`, undefined, { key: 'mainError.reports.unreachable' });
    }
    const why = err.message;
    if (err.status === 0) return new ContractError('UNAVAILABLE', why, undefined, { key: 'mainError.reports.unreachable' });
    if (err.status === 401) return new ContractError('UNAVAILABLE', why, undefined, { key: 'mainError.reports.signedOut' });
    if (err.status === 403) {
      if (request.scope.kind === 'agent' && this.session.user?.role === 'lead') {
        return new ContractError('NOT_FOUND', why, undefined, { key: 'mainError.reports.notOnTeam', params: { agent: request.scope.agent } });
      }
      return new ContractError('INVALID_REQUEST', why, undefined, { key: 'mainError.reports.leadOnly' });
    }
    if (err.status === 400) {
      // "The report request is not valid: to: …" — the field the server named, to point at it.
      const field = /not valid: ([\w.]+):/.exec(why)?.[1] ?? '';
      return new ContractError('INVALID_REQUEST', why, [{ path: field, message: why }], { key: 'mainError.reports.badRequest', params: { field } });
    }
    if (err.status === 502 && err.code === 'UNREADABLE') return new ContractError('FAILED', why, undefined, { key: 'mainError.reports.unreadable' });
    return new ContractError('UNAVAILABLE', why, undefined, { key: 'mainError.reports.busy' });
  }
}

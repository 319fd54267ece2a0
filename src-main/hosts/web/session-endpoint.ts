import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_PATH } from '../../../src-shared/wire';
import type { Logger } from '../../app/logger';
import type { OneTimeCodes } from './one-time-codes';

/** POST {"code": "..."} to SESSION_PATH → {"secret": "..."}. */
export { SESSION_PATH };
const MAX_BODY = 1024;

export interface SessionEndpoint {
  codes: OneTimeCodes;
  secret: string;
  logger: Logger;
  sameOrigin(origin: string): boolean;
}

/** Answers one exchange; refusals are logged with why, never with the code or the secret. */
export function redeemCode(req: IncomingMessage, res: ServerResponse, { codes, secret, logger, sameOrigin }: SessionEndpoint): void {
  const answer = (status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  if (req.method !== 'POST') return void answer(405, { error: 'POST a one-time code' });
  // Only the shell's own pages may trade a code: another site's form could otherwise spend one.
  if (!sameOrigin(req.headers.origin ?? '')) {
    logger.warn('web shell: refused a one-time code', { why: 'wrong or missing Origin', origin: req.headers.origin?.slice(0, 200) });
    return void answer(403, { error: 'wrong origin' });
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
    if (body.length > MAX_BODY) req.destroy();
  });
  req.on('end', () => {
    let code = '';
    try {
      code = String((JSON.parse(body) as { code?: unknown }).code ?? '');
    } catch {
      code = '';
    }
    const redeemed = codes.redeem(code);
    if (!redeemed.ok) {
      logger.warn('web shell: refused a one-time code', { why: redeemed.why, remote: req.socket.remoteAddress });
      return void answer(401, { error: `one-time code ${redeemed.why}` });
    }
    logger.info('web shell: a window joined with a one-time code');
    answer(200, { secret });
  });
}

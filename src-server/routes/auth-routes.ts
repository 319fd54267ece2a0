import type { FastifyInstance } from 'fastify';
import { LoginRequest, RefreshRequest } from '../../src-shared/sync/contract';
import type { Services } from '../services';
import { authenticate } from './authenticate';
import { validate } from './validate';

export function authRoutes(app: FastifyInstance, s: Services): void {
  app.post('/v1/auth/sign-in', async (req) => {
    const body = validate(LoginRequest, req.body, 'sign-in request');
    return s.auth.signIn(body.username, body.password, req.ip);
  });
  app.post('/v1/auth/refresh', async (req) => {
    const body = validate(RefreshRequest, req.body, 'refresh request');
    return s.auth.refresh(body.refreshToken, req.ip);
  });
  app.post('/v1/auth/sign-out', async (req) => {
    const v = await authenticate(req, s.tokens, s.accounts);
    await s.auth.signOut(v.userId);
    return { signedOut: true };
  });
}

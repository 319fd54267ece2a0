import type { FastifyInstance } from 'fastify';
import type { TeamMembersResponse } from '../../src-shared/sync/contract';
import type { ServerConfig } from '../config';
import { HttpError } from '../http-error';
import type { Services } from '../services';
import { policy } from '../services/auth/policy';
import { teamQueues } from '../services/sync/apply-mutation';
import { authenticate } from './authenticate';

/** The team lead's reads of her own team (never another's: the team is the token's, not a parameter). */
export function teamRoutes(app: FastifyInstance, s: Services, routing: Pick<ServerConfig, 'routeQueues'>): void {
  app.get('/v1/team/members', async (req): Promise<TeamMembersResponse> => {
    const v = await authenticate(req, s.tokens, s.accounts);
    if (!policy.canSeeMembers(v) || v.teamId === null) {
      req.log.warn({ user: v.username, role: v.role }, 'team members refused: not a team lead');
      throw new HttpError(403, 'FORBIDDEN', 'Only the team lead sees who is on the team.');
    }
    return { members: await s.users.teamMembers(v.teamId), queues: await teamQueues(s.pool, v.teamId, routing) };
  });
}

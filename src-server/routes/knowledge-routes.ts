import type { FastifyInstance } from 'fastify';
import { KnowledgePullQuery, PUBLISH_BODY_LIMIT, PublishRequest } from '../../src-shared/sync/knowledge-contract';
import { HttpError } from '../http-error';
import { policy } from '../services/auth/policy';
import type { Services } from '../services';
import { authenticate } from './authenticate';
import { validate } from './validate';

export function knowledgeRoutes(app: FastifyInstance, s: Services): void {
  // Articles may be long: this route alone takes up to PUBLISH_BODY_LIMIT; the CLI sends batches under it.
  app.post('/v1/knowledge/publish', { bodyLimit: PUBLISH_BODY_LIMIT }, async (req) => {
    const v = await authenticate(req, s.tokens, s.accounts);
    if (!policy.canPublishKnowledge(v)) {
      req.log.warn({ user: v.username, role: v.role }, 'publish refused: only a team lead or an admin publishes knowledge');
      throw new HttpError(403, 'FORBIDDEN', 'Only a team lead or an admin publishes knowledge.');
    }
    const body = validate(PublishRequest, req.body, 'publish request');
    return s.knowledge.publish(v, body);
  });

  app.get('/v1/knowledge/helped', async (req) => {
    const v = await authenticate(req, s.tokens, s.accounts);
    if (!policy.canSeeHelpedReport(v)) {
      req.log.warn({ user: v.username, role: v.role }, 'helped report refused: only a team lead or an admin sees it');
      throw new HttpError(403, 'FORBIDDEN', 'Only a team lead or an admin sees which articles helped.');
    }
    return s.knowledge.helpedReport(v);
  });

  app.get('/v1/knowledge/pull', async (req) => {
    await authenticate(req, s.tokens, s.accounts);
    const q = validate(KnowledgePullQuery, req.query, 'knowledge pull query');
    return s.knowledge.pull(q.after, q.limit);
  });
}

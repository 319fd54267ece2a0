import type { FastifyInstance } from 'fastify';
import { ReportRequest, ReportTargetsUpdate, type ReportResult, type ReportTargetsResponse } from '../../src-shared/reports/report-contract';
import type { Services } from '../services';
import { authenticate } from './authenticate';
import { validate } from './validate';

/**
 * Reports (issue #13): POST, as a report request has a nested scope; who may see what is decided on the server
 * (ReportsService with the policy), never by what the desktop asks for.
 */
export function reportRoutes(app: FastifyInstance, s: Services): void {
  app.post('/v1/reports', async (req): Promise<ReportResult> => {
    const v = await authenticate(req, s.tokens, s.accounts);
    const body = validate(ReportRequest, req.body, 'report request');
    return s.reports.report(v, body);
  });

  app.put('/v1/reports/targets', async (req): Promise<ReportTargetsResponse> => {
    const v = await authenticate(req, s.tokens, s.accounts);
    const body = validate(ReportTargetsUpdate, req.body, 'targets');
    return { targets: await s.reports.setTargets(v, body) };
  });
}

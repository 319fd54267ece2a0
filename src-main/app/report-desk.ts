import type { z } from 'zod';
import { ContractError } from '../../src-shared/contract';
import type { ReportRequest, ReportResult, ReportSource } from '../../src-shared/reports/report-contract';

/**
 * Where a report is computed: "My day" (scope "me") from the desktop's own cache, everything else by the team
 * server, which alone holds the team's figures and checks who may see them.
 */
export class ReportDesk {
  constructor(
    private readonly local: ReportSource,
    /** The team server's reports as the desktop's team session is now (null: this desktop has only "My day"). */
    private readonly teamReports: () => ReportSource | null = () => null,
  ) {}

  get(request: z.output<typeof ReportRequest>): Promise<ReportResult> {
    if (request.scope.kind === 'me') return this.local.get(request);
    const team = this.teamReports();
    if (!team) {
      return Promise.reject(
        new ContractError('UNAVAILABLE', 'Team reports need the team server.', undefined, { key: 'mainError.reports.needTeamServer' }),
      );
    }
    return team.get(request);
  }
}

import { describe, expect, it } from 'vitest';
import { ReportRequest, type ReportResult, type ReportSource } from '../../src-shared/reports/report-contract';
import { ReportDesk } from './report-desk';

const result = (timeZone: string) => ({ timeZone }) as ReportResult;
const source = (timeZone: string): ReportSource => ({ get: () => Promise.resolve(result(timeZone)) });
const ask = (scope: object) => ReportRequest.parse({ from: '2026-03-01', to: '2026-03-07', scope });

describe('which source computes a report', () => {
  it('"My day" comes from the desktop cache, the team\'s from the team server once there is one', async () => {
    let team: ReportSource | null = null;
    const desk = new ReportDesk(source('local'), () => team);
    await expect(desk.get(ask({ kind: 'me' }))).resolves.toEqual(result('local'));
    await expect(desk.get(ask({ kind: 'team' }))).rejects.toMatchObject({ code: 'UNAVAILABLE', key: 'mainError.reports.needTeamServer' });
    // Signed in to a team server later (settings), without a restart.
    team = source('team');
    await expect(desk.get(ask({ kind: 'queue', queue: 'billing' }))).resolves.toEqual(result('team'));
    await expect(desk.get(ask({ kind: 'me' }))).resolves.toEqual(result('local'));
  });
});

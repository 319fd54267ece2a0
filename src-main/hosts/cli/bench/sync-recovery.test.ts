import { expect, it } from 'vitest';
import { recoveryRequests } from './sync-recovery';

const line = (time: number, url: string, msg = 'incoming request') => JSON.stringify({ level: 30, time, reqId: 'r', req: { method: 'GET', url }, msg });

it('counts the sync requests logged in the window, per desktop that came back', () => {
  const log = [
    line(999, '/v1/sync/pull?after=1'), // before the heal
    line(1000, '/v1/sync/live'),
    line(1000, '/v1/sync/live'),
    line(1001, '/v1/sync/push'),
    line(1002, '/v1/sync/pull?after=3&clientId=x'),
    line(1003, '/v1/auth/refresh'),
    line(1004, '/v1/sync/pull', 'request completed'),
    'not json "incoming request"',
    line(9000, '/v1/sync/pull'), // after the window
  ].join('\n');
  expect(recoveryRequests(log, 1000, 9000, 2)).toEqual({
    desktops: 2, seconds: 8, pushesPerDesktop: 0.5, pullsPerDesktop: 0.5, liveChannelsPerDesktop: 1, requestsPerDesktop: 2,
  });
});

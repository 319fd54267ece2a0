import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cache } from '../db/cache';
import { AgentStateLog } from './agent-state-log';

const state = (s: 'ready' | 'not-ready' | 'after-call-work', reasonCode: string | null = null) => ({ state: s, reasonCode, since: 0, acw: null });

describe('agent state log on a real SQLite file', () => {
  it('keeps each change and queues it for the team server in the same transaction; a repeat is no change', () => {
    const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'state-log-')), 'cache.sqlite'), () => 1000, { teamSync: true });
    const log = new AgentStateLog(cache.workOrdersDb, cache.outbox, () => 1000);
    log.record('1001', state('ready'));
    log.record('1001', state('ready'));
    log.record('1001', state('not-ready', 'meal'));
    expect(cache.db.prepare('SELECT state, reason FROM agent_state_log ORDER BY id').all()).toEqual([
      { state: 'ready', reason: null },
      { state: 'not-ready', reason: 'meal' },
    ]);
    expect(cache.outbox.pending(10).map((p) => p.mutation)).toEqual([
      { kind: 'agentState.change', state: 'ready', reason: null, at: 1000 },
      { kind: 'agentState.change', state: 'not-ready', reason: 'meal', at: 1000 },
    ]);
    cache.close();
  });

  it('alone (no team server), the change is kept on the desktop and nothing is queued', () => {
    const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'state-log-')), 'cache.sqlite'), () => 1000);
    new AgentStateLog(cache.workOrdersDb, cache.outbox).record('1001', state('after-call-work'));
    expect(cache.db.prepare('SELECT count(*) AS n FROM agent_state_log').get()).toEqual({ n: 1 });
    expect(cache.outbox.count()).toBe(0);
    cache.close();
  });
});

import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { UserRow } from '../../db/repos/users-repo';
import { AccountCache } from './account-cache';

const row = (id: number, disabled = false): UserRow & { queues: string[] } => ({
  id, username: String(1000 + id), display_name: 'x', role: 'agent', team_id: 1, password_hash: '', disabled, queues: [],
});

/** PostgreSQL's account table as the cache sees it: each read counted; the listener's state set by the test. */
function setUp() {
  const accounts = new Map([[1, row(1)], [2, row(2)]]);
  const reads: number[] = [];
  let failNext = false;
  const users = {
    withQueues: (id: number) => {
      reads.push(id);
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('connection lost'));
      }
      return Promise.resolve(accounts.get(id) ?? null);
    },
  };
  const changes = Object.assign(new EventEmitter(), { listening: true });
  let clock = 0;
  const cache = new AccountCache(users, changes, 5_000, () => clock);
  return {
    cache, accounts, reads, changes,
    advance: (ms: number) => (clock += ms),
    failOnce: () => (failNext = true),
  };
}

describe('AccountCache', () => {
  it('reads a person\'s account once for her requests of a few seconds, then again', async () => {
    const t = setUp();
    await Promise.all([t.cache.withQueues(1), t.cache.withQueues(1), t.cache.withQueues(2)]);
    t.advance(4_999);
    await t.cache.withQueues(1);
    expect(t.reads).toEqual([1, 2]);
    t.advance(1);
    await t.cache.withQueues(1);
    expect(t.reads).toEqual([1, 2, 1]);
  });

  it('an account_changed for her drops her account at once; the next request sees the change', async () => {
    const t = setUp();
    await t.cache.withQueues(1);
    t.accounts.set(1, row(1, true));
    t.changes.emit('account', 1);
    expect((await t.cache.withQueues(1))?.disabled).toBe(true);
    await t.cache.withQueues(2);
    expect(t.reads).toEqual([1, 1, 2]);
  });

  it('a read still on its way when her account changes is not kept', async () => {
    const t = setUp();
    const before = t.cache.withQueues(1);
    t.accounts.set(1, row(1, true));
    t.changes.emit('account', 1);
    await before;
    expect((await t.cache.withQueues(1))?.disabled).toBe(true);
  });

  it('keeps nothing while the listener is away, and forgets everything when it listens again', async () => {
    const t = setUp();
    await t.cache.withQueues(1);
    t.changes.listening = false;
    await t.cache.withQueues(1);
    await t.cache.withQueues(1);
    expect(t.reads).toEqual([1, 1, 1]);
    t.changes.listening = true;
    await t.cache.withQueues(2);
    t.changes.emit('all');
    await t.cache.withQueues(2);
    expect(t.reads).toEqual([1, 1, 1, 2, 2]);
  });

  it('a failed read is not kept', async () => {
    const t = setUp();
    t.failOnce();
    await expect(t.cache.withQueues(1)).rejects.toThrow('connection lost');
    expect((await t.cache.withQueues(1))?.id).toBe(1);
    expect(t.reads).toEqual([1, 1]);
  });
});

import type { UsersRepo } from '../../db/repos/users-repo';

type Account = Awaited<ReturnType<UsersRepo['withQueues']>>;

/** Where an account change is heard: PostgreSQL's account_changed, and whether the listener may have missed one. */
export interface AccountChanges {
  readonly listening: boolean;
  on(event: 'account', fn: (userId: number) => void): unknown;
  on(event: 'all', fn: () => void): unknown;
}

interface Entry {
  account: Promise<Account>;
  readAt: number;
}

/**
 * Every authenticated request checks the person's account (disabled, moved, role, queues, sessions ended) against
 * PostgreSQL. Read once per person per few seconds in each server process, not once per request: a desktop coming
 * back after a network fault sends a push, two pulls and a live channel within a second or two. Revocation stays
 * immediate: disabling a person or resetting her password notifies account_changed in the same transaction, and
 * her entry is dropped the moment this process hears it (the moment her live channels close too). While the
 * listener is away (PostgreSQL restarting) notifications may be lost, so nothing is kept then, and everything is
 * dropped when it listens again. A change made by hand in SQL, with no notification, takes effect within ttlMs
 * (the server's accountCacheSeconds).
 */
export class AccountCache {
  /** One per person; dropped (a read still on its way included) when her account changes. */
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly users: Pick<UsersRepo, 'withQueues'>,
    private readonly changes: AccountChanges,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    changes.on('account', (userId) => this.entries.delete(userId));
    changes.on('all', () => this.entries.clear());
  }

  /** The account and the queues she serves, as UsersRepo.withQueues answers. */
  withQueues(userId: number): Promise<Account> {
    if (!this.changes.listening) {
      this.entries.clear();
      return this.users.withQueues(userId);
    }
    const kept = this.entries.get(userId);
    if (kept && this.now() - kept.readAt < this.ttlMs) return kept.account;
    const entry: Entry = { account: this.users.withQueues(userId), readAt: this.now() };
    this.entries.set(userId, entry);
    // A failed read is not kept: the next request reads again.
    entry.account.catch(() => {
      if (this.entries.get(userId) === entry) this.entries.delete(userId);
    });
    return entry.account;
  }
}

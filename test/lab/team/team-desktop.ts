import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../src-main/app/logger';
import { Cache } from '../../../src-main/services/db/cache';
import { memoryTokenStore, TeamClient } from '../../../src-main/services/sync/team-client';
import { KnowledgePull } from '../../../src-main/services/sync/knowledge-pull';
import { TeamSync } from '../../../src-main/services/sync/team-sync';
import { WorkOrderFiling } from '../../../src-main/services/workorders/work-order-filing';
import type { SyncStatus } from '../../../src-shared/domain/sync-status';
import { DEFAULT_SLA_HOURS } from '../../../src-shared/workorders/complaint';
import type { WorkOrderSubmission } from '../../../src-shared/workorders/work-order-form';

/** A desktop's data side for sync tests: a real SQLite cache file, the filing service and the sync worker. */
export class TestDesktop {
  readonly cache: Cache;
  readonly filing: WorkOrderFiling;
  sync: TeamSync | null = null;
  knowledge: KnowledgePull | null = null;

  constructor(readonly username: string, private readonly password: string, readonly path = join(mkdtempSync(join(tmpdir(), `desk-${username}-`)), 'cache.sqlite')) {
    this.cache = new Cache(this.path, Date.now, { teamSync: true });
    this.filing = new WorkOrderFiling(this.cache.workOrdersDb, this.cache.workOrders, this.cache.followUps, this.cache.workOrderDrafts, () => DEFAULT_SLA_HOURS, Date.now, this.cache.outbox);
  }

  connect(serverUrl: string): TeamSync {
    const client = new TeamClient(serverUrl, this.username, memoryTokenStore(), this.password, 3000);
    this.knowledge = new KnowledgePull(this.cache.db, this.cache.kb, this.cache.templates, client, silentLogger);
    this.sync = new TeamSync(this.cache.workOrdersDb, this.cache.outbox, client, silentLogger, () => this.username, this.cache.db, this.knowledge);
    this.sync.start();
    return this.sync;
  }

  /** Resolves when the sync worker reports a status that passes the check (checked on every status it emits). */
  until(check: (s: SyncStatus) => boolean, timeoutMs = 20_000): Promise<SyncStatus> {
    const sync = this.sync!;
    return new Promise((resolve, reject) => {
      const now = sync.status();
      if (check(now)) return resolve(now);
      const timer = setTimeout(() => {
        sync.off('status', on);
        reject(new Error(`${this.username}: status never matched; last ${JSON.stringify(sync.status())}`));
      }, timeoutMs);
      const on = (s: SyncStatus) => {
        if (!check(s)) return;
        clearTimeout(timer);
        sync.off('status', on);
        resolve(s);
      };
      sync.on('status', on);
    });
  }

  /** Resolves once a pull brought the work order with this uuid in a state that passes the check. */
  untilWorkOrder(uuid: string, check: (row: WorkOrderRow) => boolean, timeoutMs = 20_000): Promise<WorkOrderRow> {
    const sync = this.sync!;
    return new Promise((resolve, reject) => {
      const look = () => {
        const row = this.workOrder(uuid);
        return row && check(row) ? row : null;
      };
      const found = look();
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        sync.off('pulled', on);
        reject(new Error(`${this.username}: work order ${uuid} never arrived as expected (${JSON.stringify(this.workOrder(uuid))})`));
      }, timeoutMs);
      const on = () => {
        const row = look();
        if (!row) return;
        clearTimeout(timer);
        sync.off('pulled', on);
        resolve(row);
      };
      sync.on('pulled', on);
    });
  }

  /** Resolves once a KB search on this desktop (offline, its own SQLite) gives what the check wants. */
  untilSearch(query: string, check: (ids: string[]) => boolean, timeoutMs = 10_000): Promise<string[]> {
    const find = () => this.cache.kbSearch.search(query).map((h) => h.id);
    return this.untilKnowledge(() => {
      const ids = find();
      return check(ids) ? ids : null;
    }, () => `searching "${query}" never matched; found ${JSON.stringify(find())}`, timeoutMs);
  }

  /** Resolves with what look() finds once pulled knowledge holds it (checked now and after every pull applied). */
  untilKnowledge<T>(look: () => T | null, why: () => string, timeoutMs = 10_000): Promise<T> {
    const knowledge = this.knowledge!;
    return new Promise((resolve, reject) => {
      const now = look();
      if (now !== null) return resolve(now);
      const timer = setTimeout(() => {
        knowledge.off('applied', on);
        reject(new Error(`${this.username}: ${why()}`));
      }, timeoutMs);
      const on = () => {
        const found = look();
        if (found === null) return;
        clearTimeout(timer);
        knowledge.off('applied', on);
        resolve(found);
      };
      knowledge.on('applied', on);
    });
  }

  workOrder(uuid: string): WorkOrderRow | null {
    return (this.cache.db.prepare('SELECT id, external_id, status, queue, assignee, version, severity, due_at FROM work_orders WHERE uuid = ?').get(uuid) as WorkOrderRow | undefined) ?? null;
  }

  uuidOf(externalId: string): string {
    return (this.cache.db.prepare('SELECT uuid FROM work_orders WHERE external_id = ?').get(externalId) as { uuid: string }).uuid;
  }

  async close(): Promise<void> {
    await this.sync?.stop();
    this.cache.close();
  }
}

export interface WorkOrderRow {
  id: number;
  external_id: string;
  status: string;
  queue: string | null;
  assignee: string | null;
  version: number;
  severity: string;
  due_at: number;
}

const HOUR = 3600_000;
export function complaintForm(what: string, severity: WorkOrderSubmission['severity'] = 'difficult', callbackFrom: number | null = Date.now() + 2 * HOUR): WorkOrderSubmission {
  return {
    complaintType: 'billing',
    whyTags: ['system-outage'],
    whatHappened: what,
    severity,
    fairResolution: 'refund the second charge',
    extraOffered: '',
    callback: callbackFrom === null ? null : { number: '+8613800138000', from: callbackFrom, to: callbackFrom + HOUR },
    followUpAt: Date.now() + 72 * HOUR,
    customerId: null,
    callId: null,
  };
}

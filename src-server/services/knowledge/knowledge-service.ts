import type { Pool } from 'pg';
import {
  checkKnowledgeRecord, type HelpedReport, type KnowledgeKey, type KnowledgePullResponse, type PublishBody, type PublishRejection, type PublishResponse,
} from '../../../src-shared/sync/knowledge-contract';
import { inTransaction } from '../../db/tx';
import type { KnowledgeRepo } from '../../db/repos/knowledge-repo';
import type { Viewer } from '../auth/policy';

interface Log {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** PostgreSQL refusing the data itself (classes 22 and 23: a broken character, a CHECK): that record's fault. */
const isDataError = (err: unknown) => /^2[23]/.test(String((err as { code?: unknown }).code ?? ''));

/**
 * Publishing knowledge and pulling it. A publish is one transaction: each record is checked by its kind's schema
 * and written under a savepoint, so a bad record is reported by its index and never costs a good one. Every live
 * desktop is woken once per publish (pg_notify at commit), whichever server process it is connected to.
 */
export class KnowledgeService {
  constructor(private readonly pool: Pool, private readonly repo: KnowledgeRepo, private readonly log: Log) {}

  async publish(v: Viewer, req: PublishBody): Promise<PublishResponse> {
    const rejected: PublishRejection[] = [];
    const checked = req.records.map((value, index) => ({ index, ...checkKnowledgeRecord(req.kind, value) }));
    for (const c of checked) if (!c.ok) rejected.push({ index: c.index, reason: c.reason });
    const result = await inTransaction(this.pool, async (tx) => {
      const start = await this.repo.lockFeed(tx);
      let seq = start;
      let published = 0;
      let unchanged = 0;
      let retired = 0;
      const attempt = async (index: number, retire: boolean, write: () => Promise<boolean>): Promise<boolean | null> => {
        await tx.query('SAVEPOINT record');
        try {
          const changed = await write();
          await tx.query('RELEASE SAVEPOINT record');
          return changed;
        } catch (err) {
          if (!isDataError(err)) throw err;
          await tx.query('ROLLBACK TO SAVEPOINT record');
          rejected.push({ index, ...(retire ? { retire: true } : {}), reason: `the server could not store this record (${(err as Error).message.slice(0, 200)})` });
          return null;
        }
      };
      for (const c of checked) {
        if (!c.ok) continue;
        const changed = await attempt(c.index, false, () => this.repo.put(tx, req.kind, c.key, c.record, seq + 1, v.userId));
        if (changed === true) {
          seq++;
          published++;
        } else if (changed === false) unchanged++;
      }
      for (const [index, r] of req.retire.entries()) {
        const key: KnowledgeKey = { id: r.id, locale: r.locale };
        const done = await attempt(index, true, () => this.repo.retire(tx, req.kind, key, seq + 1, v.userId));
        if (done === true) {
          seq++;
          retired++;
        } else if (done === false) rejected.push({ index, retire: true, reason: `${req.kind} ${r.id}${r.locale ? ` (${r.locale})` : ''} is not published` });
      }
      if (seq !== start) {
        await this.repo.advanceFeed(tx, seq);
        // One wake-up per publish, sent by PostgreSQL when this transaction commits.
        await tx.query("SELECT pg_notify('team_feed', 'knowledge:' || $1::text)", [seq]);
      }
      return { published, unchanged, retired, cursor: seq };
    });
    rejected.sort((a, b) => Number(a.retire ?? false) - Number(b.retire ?? false) || a.index - b.index);
    this.log.info({ user: v.username, kind: req.kind, ...result, rejected: rejected.length }, 'knowledge published');
    return { ...result, rejected };
  }

  /** The "article helped" report: a lead's team, or (admin) the whole floor. */
  async helpedReport(v: Viewer): Promise<HelpedReport> {
    return { articles: await this.repo.helped(v.role === 'admin' ? null : v.teamId) };
  }

  async pull(after: number, limit: number): Promise<KnowledgePullResponse> {
    const changes = await this.repo.after(after, limit);
    return { changes, cursor: changes.length ? changes[changes.length - 1]!.seq : after, more: changes.length === limit };
  }
}

import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../../app/logger';
import type { Db } from '../db/database';
import { GAP_MS, SLICE_MS } from '../db/write-in-slices';
import type { KbRepo } from '../kb/kb-repo';
import type { TemplatesRepo } from '../replies/templates-repo';
import { ReplyTemplate } from '../../../src-shared/replies/template';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { checkKnowledgeRecord, KnowledgeLiveMessage, type KbArticleRecord, type KnowledgeChange, type KnowledgePullResponse } from '../../../src-shared/sync/knowledge-contract';
import { PublishedListsRepo, type ListKind } from './published-lists-repo';
import { LiveMessage } from '../../../src-shared/sync/contract';

/** Changes per pull: a page's articles are segmented at once, on the main thread, before any is written. */
const PAGE = 100;
const CURSOR_KEY = 'sync.knowledgeCursor';

/**
 * Brings published knowledge into the local cache: every article, template (and their retirements) after this
 * desktop's own cursor, written through the KB repository so it is searchable offline at once. Articles are
 * segmented before any transaction opens, then written a few milliseconds per transaction with the event loop
 * (and SQLite's write lock) free between, so a call's work order is never kept waiting. Coach rules, dispositions
 * and Not Ready reasons go into published_items; `applied` names the kinds that changed so the app can offer the
 * new lists at once.
 */
export class KnowledgePull extends EventEmitter<{ applied: [{ articles: string[]; templates: number; lists: ListKind[] }] }> {
  private readonly lists: PublishedListsRepo;

  constructor(
    private readonly db: Db,
    private readonly kb: KbRepo,
    private readonly templates: TemplatesRepo,
    private readonly client: { pullKnowledge(after: number, limit: number): Promise<KnowledgePullResponse> },
    private readonly log: Logger,
  ) {
    super();
    this.lists = new PublishedListsRepo(db);
  }

  get cursor(): number {
    return Number(this.db.prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = '${CURSOR_KEY}'`).get()?.value ?? 0);
  }

  /** Whether a live message asks for a knowledge pull: something published past our cursor, or "pull everything". */
  wants(message: unknown): boolean {
    const knowledge = KnowledgeLiveMessage.safeParse(message);
    if (knowledge.success) return knowledge.data.seq > this.cursor;
    // The live channel's hello names where the published knowledge stands.
    const hello = LiveMessage.safeParse(message);
    if (hello.success && hello.data.knowledge !== undefined) return hello.data.knowledge > this.cursor;
    // The server says seq -1 when its own listener may have missed notifications (or could not read the hello).
    return typeof message === 'object' && message !== null && (message as { seq?: unknown }).seq === -1;
  }

  /** Pulls until the server has nothing newer. */
  async pullAll(): Promise<void> {
    for (;;) {
      const page = await this.client.pullKnowledge(this.cursor, PAGE);
      const articles: string[] = [];
      let templates = 0;
      const lists = new Set<ListKind>();
      const writes: (() => void)[] = [];
      let busySince = performance.now();
      for (const change of page.changes) {
        const write = this.writeFor(change);
        if (write) {
          writes.push(write);
          if (change.kind === 'article') articles.push(change.id);
          else if (change.kind === 'template') templates++;
          else lists.add(change.kind);
        }
        // Segmenting is most of the work and runs on the main thread: the phone gets the event loop every slice.
        if (performance.now() - busySince > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          busySince = performance.now();
        }
      }
      // The cursor moves with the last slice: a page cut short by a crash is pulled again (writes are upserts).
      writes.push(() => void this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(CURSOR_KEY, String(page.cursor)));
      await this.writeInShortSlices(writes);
      if (articles.length || templates || lists.size) this.emit('applied', { articles, templates, lists: [...lists] });
      if (!page.more) return;
    }
  }

  /** The write one change needs, its slow part (segmenting an article's words) done now, outside any transaction. */
  private writeFor(change: KnowledgeChange): (() => void) | null {
    if (change.kind === 'article') {
      if (change.retired) return () => void this.kb.remove(change.id);
      const checked = checkKnowledgeRecord('article', change.data);
      if (!checked.ok) return this.skip(change, checked.reason);
      const a = checked.record as KbArticleRecord;
      const prepared = this.kb.prepare({ externalId: a.id, locale: a.locale, title: a.title, body: a.body, tags: a.tags, category: a.category });
      return () => void this.kb.store(prepared);
    }
    if (change.kind === 'template') {
      if (change.retired) return () => void this.templates.remove(change.id, change.locale as Locale);
      const parsed = ReplyTemplate.safeParse(change.data);
      if (!parsed.success) return this.skip(change, parsed.error.issues[0]?.message ?? 'not a template');
      return () => void this.templates.upsert(parsed.data);
    }
    const kind = change.kind;
    if (change.retired) return () => this.lists.retire(kind, change.id, change.locale, change.seq);
    const checked = checkKnowledgeRecord(kind, change.data);
    if (!checked.ok) return this.skip(change, checked.reason);
    return () => this.lists.put(kind, checked.key.id, checked.key.locale, checked.record, change.seq);
  }

  private skip(change: KnowledgeChange, reason: string): null {
    this.log.warn('knowledge pull: a published record this desktop cannot read was passed over', { kind: change.kind, id: change.id, reason });
    return null;
  }

  /**
   * Runs the writes in IMMEDIATE transactions of about SLICE_MS each, yielding GAP_MS between them (an awaited
   * timer, not writeInSlices' blocking wait: this runs on the main thread, beside the phone).
   */
  private async writeInShortSlices(writes: (() => void)[]): Promise<void> {
    let next = 0;
    const slice = this.db.transaction(() => {
      const started = performance.now();
      do writes[next++]!();
      while (next < writes.length && performance.now() - started < SLICE_MS);
    });
    while (next < writes.length) {
      slice.immediate();
      if (next < writes.length) await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
  }
}

import type { Pool, PoolClient } from 'pg';
import type { KbArticleRecord, KnowledgeChange, KnowledgeKey, KnowledgeKind } from '../../../src-shared/sync/knowledge-contract';

/**
 * kb_articles, published_items and knowledge_feed. A write takes the next feed position only when it changes
 * something (publishing the same file twice sends nothing to the desktops again).
 */
export class KnowledgeRepo {
  constructor(private readonly pool: Pool) {}

  /** The feed's position, its row locked until the transaction ends: publishes take positions one at a time. */
  async lockFeed(tx: PoolClient): Promise<number> {
    return Number((await tx.query<{ seq: string }>('SELECT seq FROM knowledge_feed WHERE id = 1 FOR UPDATE')).rows[0]!.seq);
  }

  async advanceFeed(tx: PoolClient, seq: number): Promise<void> {
    await tx.query('UPDATE knowledge_feed SET seq = $1 WHERE id = 1', [seq]);
  }

  /** Stores a record at position seq; false when it was already published exactly so (seq not used). */
  async put(tx: PoolClient, kind: KnowledgeKind, key: KnowledgeKey, record: Record<string, unknown>, seq: number, by: number): Promise<boolean> {
    if (kind === 'article') {
      const a = record as KbArticleRecord;
      const r = await tx.query(
        `INSERT INTO kb_articles (id, locale, title, body, tags, category, seq, published_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET locale = excluded.locale, title = excluded.title, body = excluded.body, tags = excluded.tags,
           category = excluded.category, retired = false, version = kb_articles.version + 1, seq = excluded.seq,
           published_by = excluded.published_by, published_at = now()
         WHERE (kb_articles.locale, kb_articles.title, kb_articles.body, kb_articles.tags, kb_articles.category, kb_articles.retired)
           IS DISTINCT FROM (excluded.locale, excluded.title, excluded.body, excluded.tags, excluded.category, false)`,
        [a.id, a.locale, a.title, a.body, JSON.stringify(a.tags), a.category, seq, by],
      );
      return r.rowCount === 1;
    }
    const r = await tx.query(
      `INSERT INTO published_items (kind, id, locale, data, seq, published_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, id, locale) DO UPDATE SET data = excluded.data, retired = false, version = published_items.version + 1,
         seq = excluded.seq, published_by = excluded.published_by, published_at = now()
       WHERE (published_items.data, published_items.retired) IS DISTINCT FROM (excluded.data, false)`,
      [kind, key.id, key.locale, JSON.stringify(record), seq, by],
    );
    return r.rowCount === 1;
  }

  /** Retires a published record at position seq; false when there is none (or it is retired already). */
  async retire(tx: PoolClient, kind: KnowledgeKind, key: KnowledgeKey, seq: number, by: number): Promise<boolean> {
    const r =
      kind === 'article'
        ? await tx.query('UPDATE kb_articles SET retired = true, version = version + 1, seq = $2, published_by = $3, published_at = now() WHERE id = $1 AND NOT retired', [key.id, seq, by])
        : await tx.query(
            'UPDATE published_items SET retired = true, version = version + 1, seq = $4, published_by = $5, published_at = now() WHERE kind = $1 AND id = $2 AND locale = $3 AND NOT retired',
            [kind, key.id, key.locale, seq, by],
          );
    return r.rowCount === 1;
  }

  /** Helped marks per article, of one team (or of everyone when teamId is null), most helpful first. */
  async helped(teamId: number | null): Promise<{ articleId: string; helped: number; notHelped: number }[]> {
    const r = await this.pool.query<{ article_id: string; helped: number; not_helped: number }>(
      `SELECT article_id, count(*) FILTER (WHERE helped)::int AS helped, count(*) FILTER (WHERE NOT helped)::int AS not_helped
         FROM kb_helped WHERE $1::int IS NULL OR team_id = $1 GROUP BY article_id ORDER BY helped DESC, article_id LIMIT 1000`,
      [teamId],
    );
    return r.rows.map((row) => ({ articleId: row.article_id, helped: row.helped, notHelped: row.not_helped }));
  }

  /** Everything published or retired after a position, in feed order. */
  async after(seq: number, limit: number): Promise<KnowledgeChange[]> {
    const r = await this.pool.query<{ seq: string; kind: KnowledgeKind; id: string; locale: KnowledgeKey['locale']; retired: boolean; data: Record<string, unknown> | null }>(
      `SELECT seq, 'article' AS kind, id, locale, retired,
              CASE WHEN retired THEN NULL ELSE jsonb_build_object('id', id, 'locale', locale, 'title', title, 'body', body, 'tags', tags, 'category', category) END AS data
         FROM kb_articles WHERE seq > $1
       UNION ALL
       SELECT seq, kind, id, locale, retired, CASE WHEN retired THEN NULL ELSE data END FROM published_items WHERE seq > $1
       ORDER BY seq LIMIT $2`,
      [seq, limit],
    );
    return r.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }
}

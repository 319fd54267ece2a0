import type { Db } from '../db/database';
import type { Locale } from '../../../src-shared/domain/screen-pop';

/** The kinds kept in published_items on the desktop (articles and templates have their own tables). */
export type ListKind = 'coachRule' | 'disposition' | 'notReadyReason';

export interface PublishedRow {
  id: string;
  locale: Locale | '';
  data: unknown;
  retired: boolean;
}

/**
 * published_items: coach rules, dispositions and Not Ready reasons as the team server last published them, in
 * the order of its feed. A retirement keeps the row (and its words) marked retired.
 */
export class PublishedListsRepo {
  private readonly upsert;
  private readonly retireStatement;
  private readonly ofKind;

  constructor(db: Db) {
    this.upsert = db.prepare<[string, string, string, string, number]>(`
      INSERT INTO published_items (kind, id, locale, data, retired, seq) VALUES (?, ?, ?, ?, 0, ?)
      ON CONFLICT (kind, id, locale) DO UPDATE SET data = excluded.data, retired = 0, seq = excluded.seq`);
    this.retireStatement = db.prepare<[number, string, string, string]>('UPDATE published_items SET retired = 1, seq = ? WHERE kind = ? AND id = ? AND locale = ?');
    this.ofKind = db.prepare<[string], { id: string; locale: Locale | ''; data: string; retired: number }>(
      'SELECT id, locale, data, retired FROM published_items WHERE kind = ? ORDER BY seq',
    );
  }

  put(kind: ListKind, id: string, locale: Locale | '', data: unknown, seq: number): void {
    this.upsert.run(kind, id, locale, JSON.stringify(data), seq);
  }

  retire(kind: ListKind, id: string, locale: Locale | '', seq: number): void {
    this.retireStatement.run(seq, kind, id, locale);
  }

  /** Every row of a kind, retired ones included, in feed order. */
  all(kind: ListKind): PublishedRow[] {
    return this.ofKind.all(kind).map((r) => ({ id: r.id, locale: r.locale, data: JSON.parse(r.data) as unknown, retired: r.retired === 1 }));
  }
}

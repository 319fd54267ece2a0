import type { Db } from '../db/database';
import { ReplyTemplate } from '../../../src-shared/replies/template';
import type { Locale } from '../../../src-shared/domain/screen-pop';

/** reply_templates: a team's own canned replies, one row per (id, locale), the whole template kept as JSON. */
export class TemplatesRepo {
  private readonly upsertStatement;
  private readonly existing;
  private readonly byLocale;

  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {
    this.upsertStatement = db.prepare<[string, string, string, string, string, string, number]>(`
      INSERT INTO reply_templates (external_id, locale, scenario, title, shortcut, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (external_id, locale) DO UPDATE SET scenario = excluded.scenario, title = excluded.title,
        shortcut = excluded.shortcut, data = excluded.data, updated_at = excluded.updated_at`);
    this.existing = db.prepare<[string, string], { id: number }>('SELECT id FROM reply_templates WHERE external_id = ? AND locale = ?');
    this.byLocale = db.prepare<[string], { data: string }>('SELECT data FROM reply_templates WHERE locale = ? ORDER BY scenario, external_id');
  }

  upsert(template: ReplyTemplate): { created: boolean } {
    const created = !this.existing.get(template.id, template.locale);
    this.upsertStatement.run(template.id, template.locale, template.scenario, template.title, template.shortcut, JSON.stringify(template), this.now());
    return { created };
  }

  /** Takes one language version of a template out (retired on the team server). */
  remove(id: string, locale: Locale): boolean {
    return this.db.prepare<[string, string]>('DELETE FROM reply_templates WHERE external_id = ? AND locale = ?').run(id, locale).changes === 1;
  }

  /** The stored templates of a locale, checked again against the schema on the way out. */
  list(locale: Locale): ReplyTemplate[] {
    return this.byLocale.all(locale).map((r) => ReplyTemplate.parse(JSON.parse(r.data)));
  }
}

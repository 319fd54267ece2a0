import type { Locale } from '../../../src-shared/domain/screen-pop';
import { shippedTemplates, type ReplyTemplate } from '../../../src-shared/replies';
import type { TemplatesRepo } from './templates-repo';

/** A language's templates for the composer: a team's imported template replaces the shipped one of the same id. */
export function templatesFor(repo: Pick<TemplatesRepo, 'list'>, locale: Locale): ReplyTemplate[] {
  const byId = new Map<string, ReplyTemplate>();
  for (const t of shippedTemplates()) if (t.locale === locale) byId.set(t.id, t);
  for (const t of repo.list(locale)) byId.set(t.id, t);
  return [...byId.values()];
}

import type { KbHitSummary } from '../../../src-shared/domain/knowledge';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { useT } from '../../i18n/use-t';
import { HitList } from './HitList';

/** Matches in languages other than the chosen one, grouped under their language's name, in the order given. */
export function ElsewhereHits({ hits }: { hits: KbHitSummary[] }) {
  const t = useT();
  // A language's place is where its best hit comes.
  const byLocale = new Map<Locale, KbHitSummary[]>();
  for (const hit of hits) byLocale.set(hit.locale, [...(byLocale.get(hit.locale) ?? []), hit]);
  const groups = [...byLocale].map(([locale, list]) => ({ locale, hits: list }));
  return (
    <section aria-label={t('kb.elsewhere')} data-testid="kb-elsewhere">
      <h3>{t('kb.elsewhere')}</h3>
      {groups.map((g) => {
        const label = t('kb.inLanguage', { language: t(`locale.${g.locale}`) });
        return (
          <div key={g.locale} data-testid="kb-elsewhere-group" data-locale={g.locale}>
            <h4 className="kb-elsewhere-language">{label}</h4>
            <HitList hits={g.hits} label={label} testId="kb-elsewhere-results" />
          </div>
        );
      })}
    </section>
  );
}

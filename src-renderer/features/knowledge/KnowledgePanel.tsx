import { useEffect } from 'react';
import { Locale } from '../../../src-shared/domain/screen-pop';
import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';
import { ArticleView } from './ArticleView';
import { ElsewhereHits } from './ElsewhereHits';
import { HitList } from './HitList';
import { chooseScope, loadSuggestions, typeQuery } from './actions';
import { useKnowledge, type SearchScope } from './store';
import './knowledge.css';
import { mainErrorText } from '../../i18n/main-error-text';

export const KB_SEARCH_ID = 'kb-search';

/** The knowledge base beside the screen pop: suggestions for this call, search as you type, the article. */
export function KnowledgePanel() {
  const t = useT();
  const callId = useWorkspace((s) => s.call?.callId);
  const { query, scope, hits, elsewhere, searching, answered, suggestions, article, notice } = useKnowledge();
  useEffect(() => {
    void loadSuggestions();
  }, [callId]);
  const scopes: SearchScope[] = ['call', 'all', ...Locale.options];
  return (
    <section className="knowledge panel" aria-label={t('kb.title')} data-testid="knowledge">
      <h2>{t('kb.title')}</h2>
      <div className="kb-search-row" role="search">
        <input
          id={KB_SEARCH_ID}
          type="search"
          value={query}
          onChange={(e) => typeQuery(e.target.value)}
          placeholder={t('kb.searchPlaceholder')}
          aria-label={t('kb.search')}
          aria-keyshortcuts="Control+K /"
          autoComplete="off"
        />
        <select value={scope} onChange={(e) => chooseScope(e.target.value as SearchScope)} aria-label={t('kb.scope')}>
          {scopes.map((s) => (
            <option key={s} value={s}>
              {s === 'call' ? t('kb.scope.call') : s === 'all' ? t('kb.scope.all') : t(`locale.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {notice && <p role="alert" className="kb-notice">{mainErrorText(t, notice)}</p>}
      {article ? (
        <ArticleView key={article.id} article={article} />
      ) : query.trim() !== '' ? (
        <div aria-live="polite" aria-busy={searching}>
          {!searching && answered !== '' && hits.length === 0 && elsewhere.length === 0 ? (
            <p data-testid="kb-no-results">{t('kb.noResults', { query: answered })}</p>
          ) : (
            <>
              {hits.length > 0 && <HitList hits={hits} label={t('kb.results')} testId="kb-results" />}
              {elsewhere.length > 0 && <ElsewhereHits hits={elsewhere} />}
            </>
          )}
        </div>
      ) : (
        <>
          <h3>{t('kb.suggested')}</h3>
          {suggestions.length === 0 ? <p>{t('kb.noSuggestions')}</p> : <HitList hits={suggestions} label={t('kb.suggested')} testId="kb-suggestions" />}
        </>
      )}
    </section>
  );
}

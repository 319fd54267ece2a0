import { useState } from 'react';
import type { KbArticleView } from '../../../src-shared/domain/knowledge';
import { useT } from '../../i18n/use-t';
import { copyText } from '../../lib/clipboard';
import { useLayout } from '../../app/layout-store';
import { insertIntoReply } from '../composer/store';
import { closeArticle, markHelped } from './actions';
import { useKnowledge } from './store';

/** One article, read in full; the agent copies it, puts it into the reply, and says whether it helped. */
export function ArticleView({ article }: { article: KbArticleView }) {
  const t = useT();
  const mark = useKnowledge((s) => s.marks[article.id]);
  const [copied, setCopied] = useState<boolean | null>(null);
  const insert = () => {
    insertIntoReply(article.body);
    useLayout.getState().show('reply');
  };
  return (
    <article className="kb-article" data-testid="kb-article" aria-labelledby="kb-article-title">
      <header>
        <button type="button" onClick={closeArticle} aria-label={t('kb.back')}>
          ← {t('kb.back')}
        </button>
        <h3 id="kb-article-title">{article.title}</h3>
      </header>
      <div className="kb-article-body">{article.body}</div>
      <div className="kb-article-actions">
        <button type="button" onClick={() => void copyText(article.body).then(setCopied)}>
          {t('kb.copy')}
        </button>
        <button type="button" onClick={insert}>
          {t('kb.insert')}
        </button>
        <span role="group" aria-label={t('kb.helpedQuestion')} className="kb-helped">
          {t('kb.helpedQuestion')}
          <button type="button" aria-pressed={mark === true} onClick={() => void markHelped(article.id, true)}>
            {t('kb.helpedYes')}
          </button>
          <button type="button" aria-pressed={mark === false} onClick={() => void markHelped(article.id, false)}>
            {t('kb.helpedNo')}
          </button>
        </span>
        <span role="status" data-testid="kb-article-status">
          {copied === true && t('kb.copied')}
          {copied === false && t('kb.copyFailed')}
          {mark !== undefined && t('kb.markSaved')}
        </span>
      </div>
    </article>
  );
}

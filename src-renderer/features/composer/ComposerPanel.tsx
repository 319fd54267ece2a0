import { useT } from '../../i18n/use-t';
import { useComposer } from './store';

export const REPLY_DRAFT_ID = 'reply-draft';

/** The reply the agent writes to the customer (chat or e-mail after the call). */
export function ComposerPanel() {
  const t = useT();
  const draft = useComposer((s) => s.draft);
  const setDraft = useComposer((s) => s.setDraft);
  return (
    <section className="composer" aria-label={t('layout.reply')} data-testid="composer">
      <textarea
        id={REPLY_DRAFT_ID}
        value={draft}
        rows={10}
        aria-label={t('layout.reply')}
        data-testid="reply-draft"
        onChange={(e) => setDraft(e.target.value, e.target.selectionStart)}
        onSelect={(e) => useComposer.setState({ caret: e.currentTarget.selectionStart })}
      />
    </section>
  );
}

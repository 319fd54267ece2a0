import type { CoachFinding } from '../../../src-shared/replies';
import { useT } from '../../i18n/use-t';
import { rewriteDraft } from './rewrite';
import { useComposer } from './store';

/** Each positive-language finding with why it hurts and a one-click rewrite. */
export function CoachFindings({ findings }: { findings: CoachFinding[] }) {
  const t = useT();
  const draft = useComposer((s) => s.draft);
  const setDraft = useComposer((s) => s.setDraft);
  return (
    <ul id="reply-findings" className="coach-findings" aria-label={t('reply.findings')} data-testid="coach-findings">
      {findings.map((f) => {
        const rewritten = rewriteDraft(draft, f);
        return (
          <li key={`${f.rule}-${f.start}`} data-testid="coach-finding">
            <mark className="coach-underline">{draft.slice(f.start, f.end)}</mark> — {f.message}
            <div className="coach-suggestion">{f.suggestion}</div>
            {rewritten !== null && (
              <button type="button" onClick={() => setDraft(rewritten)} aria-label={t('reply.rewriteLabel', { words: draft.slice(f.start, f.end) })}>
                {t('reply.rewrite')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

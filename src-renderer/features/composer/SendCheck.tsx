import { replyMessages, type ReplyLint } from '../../../src-shared/replies';
import { useT } from '../../i18n/use-t';
import { copyText } from '../../lib/clipboard';
import { useWorkspace } from '../softphone';
import { sendCheck, type SendProblem } from './send-check';
import { useComposer } from './store';

function ProblemLine({ problem }: { problem: SendProblem }) {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  switch (problem.kind) {
    case 'empty':
      return <>{t('reply.check.empty')}</>;
    case 'placeholder':
      return <>{t('reply.check.placeholder', { label: problem.label })}</>;
    case 'braces':
      return <>{t('reply.check.braces')}</>;
    case 'latte':
      return <>{t('reply.check.latte', { step: replyMessages[locale].latte[problem.step].name, hint: problem.hint })}</>;
    case 'coach':
      return <>{t('reply.check.coach', { words: problem.text })}</>;
  }
}

/** "Copy reply": first shows what is still missing; copies at once when nothing is. */
export function SendCheck({ lint }: { lint: ReplyLint }) {
  const t = useT();
  const { draft, gaps, checking, copied, set } = useComposer();
  const problems = sendCheck(draft, lint, gaps);
  const copy = async () => set({ copied: await copyText(draft), checking: false });
  return (
    <div className="send-check">
      <button
        type="button"
        className="primary"
        onClick={() => (problems.length === 0 ? void copy() : set({ checking: true, copied: null }))}
      >
        {t('reply.copy')}
      </button>
      <span role="status" data-testid="reply-copy-status">
        {copied === true && t('reply.copied')}
        {copied === false && t('kb.copyFailed')}
        {problems.length === 0 && draft.trim() !== '' && copied === null && t('reply.ready')}
      </span>
      {checking && problems.length > 0 && (
        <div role="alertdialog" aria-labelledby="send-check-title" className="send-check-summary" data-testid="send-check">
          <h4 id="send-check-title">{t('reply.check.title', { count: problems.length })}</h4>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <ProblemLine problem={p} />
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => set({ checking: false })} autoFocus>
            {t('reply.check.keepEditing')}
          </button>
          {!problems.some((p) => p.kind === 'empty' || p.kind === 'placeholder' || p.kind === 'braces') && (
            <button type="button" onClick={() => void copy()}>
              {t('reply.check.copyAnyway')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

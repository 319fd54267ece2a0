import { useRef } from 'react';
import type { CoachFinding } from '../../../src-shared/replies';
import { useT } from '../../i18n/use-t';
import { highlightPieces } from '../../lib/text-pieces';
import { expandShortcut } from './actions';
import { useComposer } from './store';

export const REPLY_DRAFT_ID = 'reply-draft';

/**
 * The draft, with the coach's findings underlined as the agent types: a mirror of the text sits behind a
 * transparent textarea and marks the flagged words (built from text nodes, never HTML).
 */
export function DraftEditor({ findings }: { findings: CoachFinding[] }) {
  const t = useT();
  const draft = useComposer((s) => s.draft);
  const setDraft = useComposer((s) => s.setDraft);
  const mirror = useRef<HTMLDivElement>(null);
  const pieces = highlightPieces(draft, findings);
  return (
    <div className="draft-editor">
      <div className="draft-mirror" ref={mirror} aria-hidden="true">
        {pieces.map((p, i) => (p.marked ? <mark key={i} className="coach-underline">{p.text}</mark> : <span key={i}>{p.text}</span>))}
        {'\n'}
      </div>
      <textarea
        id={REPLY_DRAFT_ID}
        value={draft}
        rows={9}
        aria-label={t('reply.draft')}
        aria-keyshortcuts="Alt+R"
        aria-describedby="reply-findings"
        data-testid="reply-draft"
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value, e.target.selectionStart)}
        onSelect={(e) => useComposer.setState({ caret: e.currentTarget.selectionStart })}
        onKeyDown={(e) => {
          // "/late" then Tab puts the template in; Tab anywhere else moves focus on as usual.
          if (e.key === 'Tab' && !e.shiftKey && expandShortcut(e.currentTarget.selectionStart)) e.preventDefault();
        }}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}

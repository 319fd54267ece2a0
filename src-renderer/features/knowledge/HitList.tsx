import type { KbHitSummary } from '../../../src-shared/domain/knowledge';
import { HighlightedText } from './HighlightedText';
import { openArticle } from './actions';

export function HitList({ hits, label, testId }: { hits: KbHitSummary[]; label: string; testId: string }) {
  return (
    <ul className="kb-hits" aria-label={label} data-testid={testId}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <button type="button" className="kb-hit" onClick={() => void openArticle(hit.id)} data-testid="kb-hit">
            <strong className="kb-hit-title">{hit.title}</strong>
            <span className="kb-hit-snippet">
              <HighlightedText snippet={hit.snippet} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

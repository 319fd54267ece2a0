import type { KbSnippet } from '../../../src-shared/domain/knowledge';
import { highlightPieces } from '../../lib/text-pieces';

/** A snippet with its matches in <mark>: built from text nodes, so article text can never become HTML. */
export function HighlightedText({ snippet }: { snippet: KbSnippet }) {
  return (
    <>
      {highlightPieces(snippet.text, snippet.highlights).map((piece, i) =>
        piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
      )}
    </>
  );
}

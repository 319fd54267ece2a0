import type { Call } from '../../../src-shared/domain/call';
import { useT } from '../../i18n/use-t';

/** How the agent hears a SIP refusal: the words a phone user knows, not the status code alone. */
export function refusalKind(code: number): 'busy' | 'declined' | 'unavailable' | 'notFound' | 'noAnswer' | 'other' {
  if (code === 486 || code === 600) return 'busy';
  if (code === 603) return 'declined';
  if (code === 480) return 'unavailable';
  if (code === 404 || code === 484 || code === 604) return 'notFound';
  if (code === 408) return 'noAnswer';
  return 'other';
}

/** Why an outbound call ended without being answered, when the far end said so (486 busy, 603 declined…). */
export function CallRefusal({ call }: { call: Call }) {
  const t = useT();
  if (call.state !== 'ended' || call.refusedWith == null) return null;
  return (
    <span className="call-refusal" data-testid="call-refusal">
      {t(`call.refused.${refusalKind(call.refusedWith)}`, { code: call.refusedWith })}
    </span>
  );
}

import { useId, type FocusEvent, type InputHTMLAttributes } from 'react';
import { useT } from '../../i18n/use-t';
import { useNow } from '../../lib/use-now';
import { useWorkspace } from '../softphone';
import { sensitivePause, useSensitivePause } from './sensitive-store';
import { clock } from './timeline';

/** Focus moving to another sensitive field keeps the pause (no resume and pause again between them). */
const toSensitive = (e: FocusEvent) => e.relatedTarget instanceof HTMLElement && e.relatedTarget.dataset.sensitive === 'true';

/**
 * An input marked sensitive (ID or card number): focusing it pauses the call's recording through the PBX, leaving
 * it resumes, and a countdown resumes anyway. Its value is never shown in suggestions (autocomplete off).
 */
export function SensitiveInput(props: InputHTMLAttributes<HTMLInputElement>) {
  const field = useId();
  return (
    <>
      <input
        {...props}
        autoComplete="off"
        data-sensitive="true"
        onFocus={(e) => {
          useSensitivePause.setState({ field });
          const call = useWorkspace.getState().call;
          sensitivePause.focus(call && call.state === 'active' ? call : null);
          props.onFocus?.(e);
        }}
        onBlur={(e) => {
          if (!toSensitive(e)) sensitivePause.blur();
          props.onBlur?.(e);
        }}
      />
      <SensitivePauseNotice field={field} />
    </>
  );
}

/**
 * What the pause is doing, beside the field it is for (the one last focused, when a form has several): asked,
 * paused with its countdown, or resumed by the countdown.
 */
function SensitivePauseNotice({ field }: { field: string }) {
  const t = useT();
  const view = useSensitivePause((s) => s.view);
  const mine = useSensitivePause((s) => s.field === field);
  const now = useNow(view.state === 'paused' ? 500 : 60_000);
  if (view.state === 'idle' || !mine) return null;
  const text =
    view.state === 'paused'
      ? t('recordings.sensitive.paused', { left: clock(Math.max(0, Math.ceil((view.resumeAt - now) / 1000))) })
      : t(`recordings.sensitive.${view.state}`);
  return (
    <small className={`sensitive-pause sensitive-${view.state}`} role="status" data-testid="sensitive-pause" data-state={view.state}>
      {text}
    </small>
  );
}

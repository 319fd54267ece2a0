import type { Call } from '../../../src-shared/domain/call';
import { useT } from '../../i18n/use-t';
import { pauseRecording } from '../softphone';

/**
 * Whether the PBX records the call, only as the PBX said it, and the secure pause (Alt+P). Compact, as the call
 * bar stays one line: a mark and a small button, their full words read out and shown as titles.
 */
/** Drawn, not a font's glyph: ⏸ and ⏺ are missing from many systems' fonts and showed as empty boxes. */
function PauseIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" fill="currentColor">
      <rect x="2" y="1.5" width="3" height="9" />
      <rect x="7" y="1.5" width="3" height="9" />
    </svg>
  );
}

function RecordIcon() {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" fill="currentColor">
      <circle cx="6" cy="6" r="4.5" />
    </svg>
  );
}

export function RecordingControl({ call }: { call: Call }) {
  const t = useT();
  if (call.state !== 'active' || call.recording === 'off') return null;
  const state = t(`call.recording.${call.recording}`);
  const paused = call.recording === 'paused' || call.recording === 'pausing';
  const action = t(paused ? 'call.recording.resume' : 'call.recording.pause');
  return (
    <span className={`recording recording-${call.recording}`}>
      <span data-testid="recording-state" title={state}>
        {paused ? <PauseIcon /> : <RecordIcon />}
        <span className="visually-hidden">{state}</span>
      </span>
      <button
        type="button"
        className="recording-toggle"
        aria-keyshortcuts="Alt+P"
        title={action}
        disabled={call.recording === 'pausing' || call.recording === 'resuming'}
        onClick={() => void pauseRecording(call.callId, !paused)}
      >
        {paused ? <RecordIcon /> : <PauseIcon />}
        <span className="visually-hidden">{action}</span>
      </button>
    </span>
  );
}

import type { Call } from '../../../src-shared/domain/call';
import { useT } from '../../i18n/use-t';
import { pauseRecording } from '../softphone';

/**
 * Whether the PBX records the call, only as the PBX said it, and the secure pause (Alt+P). Compact, as the call
 * bar stays one line: a mark and a small button, their full words read out and shown as titles.
 */
export function RecordingControl({ call }: { call: Call }) {
  const t = useT();
  if (call.state !== 'active' || call.recording === 'off') return null;
  const state = t(`call.recording.${call.recording}`);
  const paused = call.recording === 'paused' || call.recording === 'pausing';
  const action = t(paused ? 'call.recording.resume' : 'call.recording.pause');
  return (
    <span className={`recording recording-${call.recording}`}>
      <span data-testid="recording-state" title={state}>
        <span aria-hidden="true">{paused ? '⏸' : '●'}</span>
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
        <span aria-hidden="true">{paused ? '⏺' : '⏸'}</span>
        <span className="visually-hidden">{action}</span>
      </button>
    </span>
  );
}

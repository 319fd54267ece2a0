import { useEffect, useState } from 'react';
import type { CallRecordingLookup, RecordingHit } from '../../../src-shared/recording/recording-search';
import { request } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { openRecordingAt } from './actions';

/**
 * "Recording" beside a call shown elsewhere (a contact, a work order): there only when the team server has the
 * call's recording and this viewer may hear it; opens the player at that call.
 */
export function RecordingLink({ call }: { call: CallRecordingLookup }) {
  const t = useT();
  const [hit, setHit] = useState<RecordingHit | null>(null);
  const key = JSON.stringify(call);
  useEffect(() => {
    let live = true;
    request('findCallRecordings', { calls: [JSON.parse(key) as CallRecordingLookup] }).then(
      ({ recordings }) => live && setHit(recordings[0] ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (!hit) return null;
  return (
    <button type="button" className="recording-link" data-testid="recording-link" onClick={() => void openRecordingAt(hit)}>
      {t('recordings.link')}
    </button>
  );
}

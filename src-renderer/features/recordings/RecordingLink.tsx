import { useEffect, useState } from 'react';
import type { CallRecordingLookup, RecordingHit, WorkOrderRecordingLookup } from '../../../src-shared/recording/recording-search';
import { request } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { openRecordingAt } from './actions';

type Lookup = CallRecordingLookup | WorkOrderRecordingLookup;

/** The links drawn in one render asked together (up to 20 a request), not one request each. */
let waiting: Array<{ lookup: Lookup; answer: (hit: RecordingHit | null) => void }> = [];
function find(lookup: Lookup): Promise<RecordingHit | null> {
  return new Promise((answer) => {
    if (waiting.length === 0) queueMicrotask(flush);
    waiting.push({ lookup, answer });
  });
}
function flush(): void {
  const batch = waiting;
  waiting = [];
  for (let i = 0; i < batch.length; i += 20) {
    const part = batch.slice(i, i + 20);
    request('findCallRecordings', { calls: part.map((p) => p.lookup) }).then(
      ({ recordings }) => part.forEach((p, k) => p.answer(recordings[k] ?? null)),
      () => part.forEach((p) => p.answer(null)),
    );
  }
}

/**
 * "Recording" beside a call shown elsewhere (a contact, a work order): there only when the team server has the
 * call's recording and this viewer may hear it; opens the player at that call.
 */
export function RecordingLink({ call }: { call: Lookup }) {
  const t = useT();
  const [hit, setHit] = useState<RecordingHit | null>(null);
  const key = JSON.stringify(call);
  useEffect(() => {
    let live = true;
    void find(JSON.parse(key) as Lookup).then((found) => live && setHit(found));
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

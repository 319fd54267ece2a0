import { useState } from 'react';
import { request } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { reportError, useWorkspace } from '../softphone';

/** Demo mode only: impairs the lab's own media path, so the quality warnings can be seen and heard. */
export function DemoNetworkSwitch() {
  const t = useT();
  const demo = useWorkspace((s) => s.info?.demo ?? false);
  const [bad, setBad] = useState(false);
  if (!demo) return null;
  return (
    <label className="demo-network">
      <input
        type="checkbox"
        checked={bad}
        onChange={(e) => {
          // Shown at once (a checkbox that lags a click reads as broken); put back if main refused.
          const wanted = e.target.checked;
          setBad(wanted);
          request('setDemoBadNetwork', { bad: wanted })
            .then((r) => setBad(r.bad))
            .catch((err: unknown) => {
              setBad(!wanted);
              reportError(err);
            });
        }}
      />
      {t('quality.demoBadNetwork')}
    </label>
  );
}

import { useState } from 'react';
import type { Call } from '../../../src-shared/domain/call';
import { useT } from '../../i18n/use-t';
import { blindTransfer, sendDigits } from '../softphone';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** The keypad (DTMF to the IVR or the customer's system) and blind transfer, for the active call. */
export function CallTools({ call }: { call: Call }) {
  const t = useT();
  const [target, setTarget] = useState('');
  const transfer = call.transfer;
  return (
    <div className="call-tools">
      <details>
        <summary>{t('call.keypad')}</summary>
        <div className="keypad" role="group" aria-label={t('call.keypad')}>
          {KEYS.map((k) => (
            <button key={k} type="button" onClick={() => void sendDigits(call.callId, k)}>
              {k}
            </button>
          ))}
        </div>
      </details>
      <details>
        <summary>{t('call.transfer')}</summary>
        <form
          className="transfer"
          onSubmit={(e) => {
            e.preventDefault();
            if (target.trim() !== '') void blindTransfer(call.callId, target.trim());
          }}
        >
          <input
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            aria-label={t('call.transferTarget')}
            placeholder={t('call.transferTarget')}
            inputMode="tel"
          />
          <button type="submit" disabled={target.trim() === '' || (transfer !== null && transfer.progress !== 'failed')}>
            {t('call.blindTransfer')}
          </button>
        </form>
      </details>
    </div>
  );
}

/** How a transfer is going, from the NOTIFYs; stays on screen after the call ended by it. */
export function TransferProgress({ call }: { call: Call }) {
  const t = useT();
  if (!call.transfer) return null;
  const { progress, target } = call.transfer;
  return (
    <span className={`transfer-progress transfer-${progress}`} data-testid="transfer-progress">
      {t(`call.transferProgress.${progress}`, { target })}
    </span>
  );
}

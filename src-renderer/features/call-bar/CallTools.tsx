import { useState } from 'react';
import type { Call } from '../../../src-shared/domain/call';
import { useT } from '../../i18n/use-t';
import { blindTransfer, completeTransfer, consult, decline, dial, hangUp, sendDigits, useWorkspace } from '../softphone';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** The keypad (DTMF to the IVR or the customer's system) and blind or attended transfer, for the active call. */
export function CallTools({ call }: { call: Call }) {
  const t = useT();
  const [target, setTarget] = useState('');
  // Closed when a consultation starts, so its buttons are not under the open panel.
  const [transferOpen, setTransferOpen] = useState(false);
  const consultCall = useWorkspace((s) => s.consult);
  const transfer = call.transfer;
  const busy = (transfer !== null && transfer.progress !== 'failed') || (consultCall !== null && consultCall.state !== 'ended');
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
      <details open={transferOpen} onToggle={(e) => setTransferOpen(e.currentTarget.open)}>
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
          <button type="submit" disabled={target.trim() === '' || busy}>
            {t('call.blindTransfer')}
          </button>
          <button
            type="button"
            disabled={target.trim() === '' || busy}
            onClick={() => {
              setTransferOpen(false);
              void consult(call.callId, target.trim());
            }}
          >
            {t('call.consult')}
          </button>
        </form>
      </details>
      {consultCall && consultCall.state !== 'ended' && <ConsultLeg call={call} consultCall={consultCall} />}
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

/** Attended transfer in progress: the consulted party's line, then join them to the customer or go back. */
function ConsultLeg({ call, consultCall }: { call: Call; consultCall: Call }) {
  const t = useT();
  return (
    <div className="consult" role="group" aria-label={t('call.consulting', { target: consultCall.remoteNumber })} data-testid="consult">
      <span>
        {t('call.consulting', { target: consultCall.remoteNumber })} · {t(`call.consultState.${consultCall.state}`)}
      </span>
      <button type="button" disabled={consultCall.state !== 'active'} onClick={() => void completeTransfer(call.callId, consultCall.callId)}>
        {t('call.completeTransfer')}
      </button>
      <button type="button" onClick={() => void hangUp(consultCall.callId)}>
        {t('call.cancelConsult')}
      </button>
    </div>
  );
}

/** Click-to-dial from the call bar when the line is free. */
export function DialForm() {
  const t = useT();
  const [number, setNumber] = useState('');
  return (
    <form
      className="dial"
      onSubmit={(e) => {
        e.preventDefault();
        if (number.trim() !== '') void dial(number.trim());
      }}
    >
      <input
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        aria-label={t('call.dialNumber')}
        placeholder={t('call.dial')}
        inputMode="tel"
      />
      <button type="submit" disabled={number.trim() === ''}>
        {t('call.dialNow')}
      </button>
    </form>
  );
}

/** A second call ringing while the agent is on one: who it is, and a way to send it back busy. */
export function CallWaiting() {
  const t = useT();
  const waiting = useWorkspace((s) => s.waiting);
  if (!waiting) return null;
  const { call, screenPop } = waiting;
  const who = screenPop.kind === 'known' ? screenPop.customer.name : (call.displayName ?? call.remoteNumber);
  return (
    <div className="call-waiting" role="alert" data-testid="call-waiting">
      <span>{t('call.waiting', { who })}</span>
      <button type="button" onClick={() => void decline(call.callId, 486)}>
        {t('call.declineWaiting')}
      </button>
    </div>
  );
}

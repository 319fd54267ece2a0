import { useEffect, useState, type ReactNode } from 'react';
import type { Call } from '../../../src-shared/domain/call';
import { useT } from '../../i18n/use-t';
import { useMedia, type DeviceRole } from './store';
import { ConnectionTest, DemoNetworkSwitch } from '../quality';

const ROLES: { role: DeviceRole; kind: MediaDeviceKind; label: 'media.mic' | 'media.speaker' | 'media.ringer' }[] = [
  { role: 'mic', kind: 'audioinput', label: 'media.mic' },
  { role: 'speaker', kind: 'audiooutput', label: 'media.speaker' },
  { role: 'ringer', kind: 'audiooutput', label: 'media.ringer' },
];

/**
 * Microphone, speaker and ringer, chosen separately and remembered on this computer. The devices are listed only
 * while `active` (the call bar's panel is open, or the settings screen shows them).
 */
export function DeviceChoices({ active, children }: { active: boolean; children?: ReactNode }) {
  const t = useT();
  const devices = useMedia((s) => s.devices);
  const choose = useMedia((s) => s.choose);
  const [available, setAvailable] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    if (!active || !navigator.mediaDevices) return;
    const load = () => void navigator.mediaDevices.enumerateDevices().then(setAvailable);
    load();
    navigator.mediaDevices.addEventListener('devicechange', load);
    return () => navigator.mediaDevices.removeEventListener('devicechange', load);
  }, [active]);
  return (
    <div className="devices-form">
      {ROLES.map(({ role, kind, label }) => (
        <label key={role}>
          {t(label)}
          <select value={devices[role]} onChange={(e) => choose(role, e.target.value)}>
            <option value="">{t('media.default')}</option>
            {available
              .filter((d) => d.kind === kind && d.deviceId !== 'default' && d.deviceId !== '')
              .map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || `${t(label)} ${i + 1}`}
                </option>
              ))}
          </select>
        </label>
      ))}
      {children}
    </div>
  );
}

/** The call bar's audio-devices chooser, folded away until opened. */
export function DevicesPanel() {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <details className="devices" onToggle={(e) => setOpen(e.currentTarget.open)}>
      {/* A music-note sign on screen keeps the call bar on one line; the name is still read out and found by it. */}
      <summary title={t('media.devices')}>
        <span aria-hidden="true">♪</span>
        <span className="visually-hidden">{t('media.devices')}</span>
      </summary>
      <DeviceChoices active={open}>
        <ConnectionTest />
        <DemoNetworkSwitch />
      </DeviceChoices>
    </details>
  );
}

/** Whether the caller's audio is arriving, on the active call; silence is a warning except while on hold. */
export function AudioStatus({ call }: { call: Call }) {
  const t = useT();
  const audio = useMedia((s) => s.audio);
  const tones = useMedia((s) => s.sentTones);
  if (call.state !== 'active' || audio === 'idle') return null;
  const quietOnHold = audio === 'silent' && call.hold !== 'off';
  return (
    <>
      {!quietOnHold && (
        <span className={`audio-status audio-${audio}`} data-testid="audio-status" role={audio === 'silent' ? 'alert' : undefined} title={t(`media.audio.${audio}`)}>
          {t(`media.audio.${audio}`)}
        </span>
      )}
      {tones !== '' && (
        <span className="sent-tones" data-testid="sent-tones">
          {t('media.sentTones', { tones })}
        </span>
      )}
    </>
  );
}

/** A device that failed, said once and plainly, until dismissed or a device is chosen again. */
export function MediaNoticeBanner() {
  const t = useT();
  const notice = useMedia((s) => s.notice);
  const set = useMedia((s) => s.set);
  if (!notice) return null;
  return (
    <div className="media-notice" role="alert" data-testid="media-notice">
      {t(notice.key, { device: notice.device })}{' '}
      <button type="button" onClick={() => set({ notice: null })}>
        {t('media.dismiss')}
      </button>
    </div>
  );
}

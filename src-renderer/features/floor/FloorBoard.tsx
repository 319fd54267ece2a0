import { useEffect, useMemo, useRef } from 'react';
import { floorAlerts, MonitorMode, type FloorMember, type TeamLeadSettings } from '../../../src-shared/domain/floor';
import { useT } from '../../i18n/use-t';
import { useLabel } from '../agent-state';
import { useNow } from '../../lib/use-now';
import { AUTO_ANSWER_BEEP, toneWav } from '../media/tones';
import { connectFloor, monitor } from './actions';
import { useFloor, visibleRows, type FloorFilter, type FloorSort } from './store';
import { UnsyncedDesktops } from './UnsyncedDesktops';
import { TeamReportsButton } from '../reports';
import './floor.css';

const FILTERS: FloorFilter[] = ['all', 'ready', 'not-ready', 'after-call-work', 'on-call', 'offline'];
const SORTS: FloorSort[] = ['longest-state', 'longest-call', 'name'];

function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60)).padStart(2, '0');
  return `${mm}:${String(s % 60).padStart(2, '0')}`;
}

function Row({ member, now, alerting }: { member: FloorMember; now: number; alerting: boolean }) {
  const t = useT();
  const reason = useLabel('agent.reason');
  const call = member.call;
  return (
    <tr data-testid="floor-row" data-extension={member.extension} className={`floor-${member.state}${alerting ? ' floor-alerting' : ''}`}>
      <th scope="row">
        {member.name} <span className="floor-ext">{member.extension}</span>
      </th>
      <td data-testid="floor-state">
        {t(`floor.state.${member.state}`)}
        {member.reason ? ` · ${reason(member.reason)}` : ''}
      </td>
      <td data-testid="floor-time">{duration(now - member.stateSince)}</td>
      <td data-testid="floor-call">
        {call
          ? [t(`floor.call.${call.state}`, { duration: duration(now - call.since) }), member.queue, call.remote].filter(Boolean).join(' · ')
          : '—'}
        {call?.state === 'on-call' && member.quality && (
          <span className={`floor-quality quality-${member.quality}`} data-testid="floor-quality" data-level={member.quality}>
            {' · '}
            {t('quality.meter', { level: t(`quality.level.${member.quality}`) })}
          </span>
        )}
        {member.connectionTest && member.connectionTest !== 'good' && (
          <span className={`floor-quality quality-${member.connectionTest}`} data-testid="floor-connection-test">
            {' · '}
            {t('quality.floor.connectionTest', { verdict: t(`quality.level.${member.connectionTest}`) })}
          </span>
        )}
        {member.poorStreak && (
          <span className="floor-poor-streak" data-testid="floor-poor-streak">
            {' · '}
            {t('quality.floor.poorStreak')}
          </span>
        )}
      </td>
      <td>
        {call?.state === 'on-call' && (
          <div className="floor-monitor" role="group" aria-label={`${t('floor.actions')} ${member.name}`}>
            {MonitorMode.options.map((mode) => (
              <button key={mode} type="button" aria-label={`${t(`floor.monitor.${mode}`)} ${member.name}`} onClick={() => void monitor(member.extension, mode)}>
                {t(`floor.monitor.${mode}`)}
              </button>
            ))}
          </div>
        )}
      </td>
    </tr>
  );
}

/**
 * The team lead's live floor: every team member's state and call from the PBX, time in state, filters and order,
 * alerts for what needs attention, and listen / whisper / barge on a call. Nothing for an agent's desktop.
 */
export function FloorBoard() {
  const settings = useFloor((s) => s.settings);
  useEffect(() => connectFloor(), []);
  // An agent's desktop has no team: nothing is drawn and no clock ticks for it.
  return settings ? <LiveFloor settings={settings} /> : null;
}

function LiveFloor({ settings }: { settings: TeamLeadSettings }) {
  const t = useT();
  const { members, wentOffline, filter, sort, set } = useFloor();
  const now = useNow(1000);
  const alerts = useMemo(() => floorAlerts(members, now, settings.alerts, wentOffline), [settings, members, now, wentOffline]);
  useAlertSound(alerts.length, settings.alerts.sound);
  const rows = visibleRows(members, filter, sort);
  const nameOf = (ext: string) => members.find((m) => m.extension === ext)?.name ?? ext;
  return (
    <details className="floor panel" aria-label={t('floor.title')} data-testid="floor" open>
      {/* Only the title toggles the board: controls inside a summary would be nested in its button. */}
      <summary className="floor-head">
        <h2>
          {t('floor.title')} ({members.length})
        </h2>
      </summary>
      <div className="floor-controls">
        <label>
          {t('floor.filter')}{' '}
          <select value={filter} onChange={(e) => set({ filter: e.target.value as FloorFilter })}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`floor.filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('floor.sort')}{' '}
          <select value={sort} onChange={(e) => set({ sort: e.target.value as FloorSort })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`floor.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <TeamReportsButton />
      </div>
      <UnsyncedDesktops />
      {alerts.length > 0 && (
        <div className="floor-alerts" role="alert" data-testid="floor-alerts">
          <strong>{t('floor.alerts', { count: alerts.length })}</strong>
          <ul>
            {alerts.map((a) => (
              <li key={`${a.extension}-${a.kind}`}>{t(`floor.alert.${a.kind}`, { name: nameOf(a.extension), minutes: a.minutes })}</li>
            ))}
          </ul>
        </div>
      )}
      {rows.length === 0 ? (
        <p>{t('floor.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('floor.agent')}</th>
              <th scope="col">{t('floor.state')}</th>
              <th scope="col">{t('floor.timeInState')}</th>
              <th scope="col">{t('floor.call')}</th>
              <th scope="col">{t('floor.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <Row key={m.extension} member={m} now={now} alerting={alerts.some((a) => a.extension === m.extension)} />
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** A short tone when the number of alerts grows, if the lead turned alert sounds on. */
function useAlertSound(count: number, enabled: boolean): void {
  const last = useRef(0);
  useEffect(() => {
    if (enabled && count > last.current) {
      const url = URL.createObjectURL(new Blob([toneWav(AUTO_ANSWER_BEEP) as BlobPart], { type: 'audio/wav' }));
      const audio = new Audio(url);
      audio.addEventListener('ended', () => URL.revokeObjectURL(url), { once: true });
      void audio.play().catch(() => URL.revokeObjectURL(url));
    }
    last.current = count;
  }, [count, enabled]);
}

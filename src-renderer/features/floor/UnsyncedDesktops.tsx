import { useEffect, useState } from 'react';
import type { TeamDesktop } from '../../../src-shared/sync/contract';
import { request } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';

const EVERY_MS = 15_000;

/**
 * On the lead's board, from the team server: which desktops still hold work the team has not got (a remote agent
 * offline over a dead VPN, say), and when each was last heard from. Nothing when this is not a team lead's desktop.
 */
export function UnsyncedDesktops() {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const [desktops, setDesktops] = useState<TeamDesktop[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      request('getTeamDesktops', {}).then(
        (r) => live && setDesktops(r.desktops),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (!desktops) return null;
  const holding = desktops.filter((d) => d.waiting > 0);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  return (
    <div className="floor-desktops" data-testid="unsynced-desktops">
      <strong>{t('floor.desktops')}</strong>{' '}
      {holding.length === 0 ? (
        <span>{t('floor.desktopsNone')}</span>
      ) : (
        <ul>
          {holding.map((d) => (
            <li key={d.username}>
              {t('floor.desktop', { name: d.displayName || d.username, waiting: d.waiting, time: d.reportedAt ? time.format(d.reportedAt) : '—' })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

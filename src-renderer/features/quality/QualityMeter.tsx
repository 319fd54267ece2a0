import type { Call } from '../../../src-shared/domain/call';
import { useT } from '../../i18n/use-t';
import { adviceKey, qualityLevel } from './level';
import { useQuality } from './store';

const MARK = { measuring: '◌', good: '●', fair: '◐', poor: '▲' } as const;
const dash = (v: number | null) => (v === null ? '–' : String(v));

/**
 * The call bar's quality mark during a call: a sign and the MOS on screen (the bar stays one line), the level and
 * every measure in words for screen readers and in the tooltip.
 */
export function QualityMeter({ call }: { call: Call }) {
  const t = useT();
  const live = useQuality((s) => s.live);
  if (call.state !== 'active') return null;
  const level = qualityLevel(live);
  const details = live
    ? t('quality.details', { mos: dash(live.mos), rtt: dash(live.rttMs), jitter: dash(live.jitterMs), loss: dash(live.lossPct) })
    : '';
  const words = `${t('quality.meter', { level: t(`quality.level.${level}`) })}${details ? ` · ${details}` : ''}`;
  return (
    <span className={`quality-meter quality-${level}`} data-testid="quality-meter" data-level={level} title={words}>
      <span aria-hidden="true">
        {MARK[level]}
        {live?.mos != null ? ` ${live.mos.toFixed(1)}` : ''}
      </span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}

/** Each standing warning on its own line under the call bar: whose side it is, and what to do. */
export function QualityWarnings() {
  const t = useT();
  // The live object itself: a fresh [] from the selector would re-render for ever.
  const live = useQuality((s) => s.live);
  const warnings = live?.warnings ?? [];
  if (warnings.length === 0) return null;
  return (
    // The alert around the list, not on it: a role on the <ul> would take its list role, leaving items outside a list.
    <div role="alert" data-testid="quality-warnings">
      <ul className="quality-warnings">
        {warnings.map((w) => (
          <li key={w.kind} data-testid="quality-warning" data-kind={w.kind} data-side={w.side}>
            <strong>{t(`quality.side.${w.side}`)}:</strong> {t(adviceKey(w))}
          </li>
        ))}
      </ul>
    </div>
  );
}

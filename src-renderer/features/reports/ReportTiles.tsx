import { ReportMetricIds, type ReportMetricId, type ReportResult } from '../../../src-shared/reports/report-contract';
import { useWorkspace } from '../softphone';
import { useT } from '../../i18n/use-t';
import { formatFigure, formatSigned } from './format';
import { change, standing } from './standing';

/** One tile per metric: the figure, its target with where it stands, the change against last period, the formula. */
export function ReportTiles({ result, fcrWindowDays = 7 }: { result: ReportResult; fcrWindowDays?: number }) {
  const t = useT();
  return (
    <ul className="report-tiles" aria-label={t('reports.tiles')}>
      {ReportMetricIds.map((id) => (
        <Tile key={id} id={id} result={result} formulaDays={fcrWindowDays} />
      ))}
    </ul>
  );
}

function Tile({ id, result, formulaDays }: { id: ReportMetricId; result: ReportResult; formulaDays: number }) {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const value = result.current[id] ?? null;
  const target = result.targets[id] ?? null;
  const where = standing(id, value, target);
  const delta = change(id, value, result.previousFigures[id] ?? null);
  const deltaText = !delta
    ? t('reports.noChange')
    : t('reports.change', {
        change: delta.kind === 'points' ? t('reports.points', { value: formatSigned(locale, delta.value, 'decimal') }) : formatSigned(locale, delta.value, 'percent'),
      });
  return (
    <li className={`report-tile${where ? ` standing-${where}` : ''}`} data-testid="report-tile" data-metric={id}>
      <h3>{t(`reports.metric.${id}`)}</h3>
      <p className="report-value" data-testid="report-value">
        {formatFigure(locale, id, value)}
      </p>
      <p className="report-target">
        {target === null ? t('reports.noTarget') : t('reports.target', { value: formatFigure(locale, id, target) })}
        {where && <span className="report-standing"> · {t(`reports.standing.${where}`)}</span>}
      </p>
      <p className={`report-change${delta?.better === true ? ' change-better' : delta?.better === false ? ' change-worse' : ''}`}>{deltaText}</p>
      <p className="report-formula" data-testid="report-formula">
        {t(`reports.formula.${id}`, { days: formulaDays })}
      </p>
    </li>
  );
}

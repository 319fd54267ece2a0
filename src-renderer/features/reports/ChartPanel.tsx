import { useT } from '../../i18n/use-t';
import type { ChartSpec } from './chart-data';
import { downloadCsv } from './download';
import { EChart } from './EChart';

/** A chart with the table of its numbers (for screen readers and anyone who wants the figures) and its CSV. */
export function ChartPanel({ spec, fileName }: { spec: ChartSpec; fileName: string }) {
  const t = useT();
  const headingId = `report-${spec.id}-title`;
  return (
    <section className="report-chart-panel" aria-labelledby={headingId} data-testid={`chart-${spec.id}`}>
      <div className="report-chart-head">
        <h3 id={headingId}>{spec.title}</h3>
        <button type="button" onClick={() => downloadCsv(`${fileName}-${spec.id}.csv`, spec.table)}>
          {t('reports.csv')}
        </button>
      </div>
      {spec.table.rows.length === 0 ? <p>{t('reports.none')}</p> : <EChart option={spec.option} label={spec.title} testId={`echart-${spec.id}`} />}
      <details className="report-table">
        <summary>{t('reports.table')}</summary>
        <table>
          <caption className="visually-hidden">{spec.title}</caption>
          <thead>
            <tr>
              {spec.table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.shown.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

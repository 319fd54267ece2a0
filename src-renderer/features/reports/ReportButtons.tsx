import { useT } from '../../i18n/use-t';
import { openReports } from './actions';

/** The workspace's way to the agent's own figures. */
export function MyDayButton() {
  const t = useT();
  return (
    <button type="button" className="my-day-open" data-testid="my-day-open" onClick={() => openReports('my-day')}>
      {t('reports.myDay')}
    </button>
  );
}

/** The floor board's way to the team's Reports (a lead's desktop). */
export function TeamReportsButton() {
  const t = useT();
  return (
    <button type="button" data-testid="team-reports-open" onClick={() => openReports('team')}>
      {t('reports.title')}
    </button>
  );
}

import { latteSteps, replyMessages, type LatteReport } from '../../../src-shared/replies';
import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';

/** Listen, Acknowledge, Take action, Thank, Explain beside the draft: what is covered, and what to add. */
export function LatteSteps({ report }: { report: LatteReport }) {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const names = replyMessages[locale].latte;
  return (
    <ol className="latte" aria-label={t('reply.latte')} data-testid="latte">
      {latteSteps.map((step) => {
        const result = report.steps[step];
        return (
          <li key={step} className={result.covered ? 'covered' : 'missing'} data-testid={`latte-${step}`} data-covered={result.covered}>
            <span aria-hidden="true">{result.covered ? '✓' : '○'}</span> <strong>{names[step].name}</strong>
            <span className="visually-hidden">{result.covered ? t('reply.covered') : t('reply.missing')}</span>
            {!result.covered && (
              <p className="latte-hint">
                {result.hint} <em>{t('reply.example')}: {result.example}</em>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

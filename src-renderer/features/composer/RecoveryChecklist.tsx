import { useState } from 'react';
import { fillText, serviceRecoveryGuide } from '../../../src-shared/replies';
import type { Locale, ScreenPop } from '../../../src-shared/domain/screen-pop';
import { useT } from '../../i18n/use-t';
import { insertPhrase } from './actions';
import { placeholderDataFrom } from './placeholder-data';

/** A complaint call: the queue says so, or the caller has an open complaint. */
export function isComplaintCall(queue: string | null | undefined, pop: ScreenPop | null): boolean {
  if (queue?.toLowerCase() === 'complaints') return true;
  return pop?.kind === 'known' && pop.openWorkOrders.some((w) => w.kind === 'complaint');
}

/** The four service-recovery steps with their checklist and phrases to say, ticked off as the call goes. */
export function RecoveryChecklist({ uiLocale, customerLocale, pop }: { uiLocale: Locale; customerLocale: Locale; pop: ScreenPop | null }) {
  const t = useT();
  const [done, setDone] = useState<Record<string, boolean>>({});
  const guide = serviceRecoveryGuide({ uiLocale, customerLocale, previousRecoveryFailed: pop?.kind === 'known' && pop.serviceRecovery !== null });
  const data = placeholderDataFrom(pop, null);
  return (
    <section className="recovery" aria-label={t('reply.recovery')} data-testid="recovery-checklist">
      <h3>{t('reply.recovery')}</h3>
      {guide.caution && <p className="recovery-caution" role="note">{guide.caution}</p>}
      <ol>
        {guide.steps.map((step) => (
          <li key={step.id}>
            <label>
              <input type="checkbox" checked={done[step.id] ?? false} onChange={(e) => setDone({ ...done, [step.id]: e.target.checked })} />{' '}
              <strong>{step.title}</strong>
            </label>
            <ul>
              {step.checklist.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            {step.phrases.slice(0, 1).map((phrase) => (
              <button key={phrase} type="button" className="phrase" onClick={() => insertPhrase(phrase)} title={t('reply.insertPhrase')}>
                “{fillText(phrase, data, uiLocale).text}”
              </button>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

import { useT } from '../../i18n/use-t';
import { dial, useWorkspace } from '../softphone';
import { CustomerHistory, IdentityWarning, RecoveryWarning } from './CustomerHistory';
import { NewCallerForm } from './NewCallerForm';

/**
 * Who is calling, shown while the phone rings. Everything here came from the caller or the PBX: it is rendered
 * as React text nodes only, never as HTML.
 */
export function ScreenPopPanel() {
  const t = useT();
  const call = useWorkspace((s) => s.call);
  const pop = useWorkspace((s) => s.screenPop);
  if (!call || !pop) {
    return (
      <section className="screen-pop empty" data-testid="screen-pop" aria-label={t('pop.title')}>
        <p>{t('pop.waiting')}</p>
      </section>
    );
  }
  const rows: [string, string | null][] = [
    [t('pop.number'), pop.number ?? call.remoteNumber],
    [t('pop.displayName'), call.displayName],
    [t('pop.queue'), call.headers.queue],
    [t('pop.ivrPath'), call.headers.ivrPath],
  ];
  return (
    <section className={`screen-pop ${pop.kind}`} data-testid="screen-pop" aria-label={t('pop.title')}>
      {pop.kind === 'known' && <IdentityWarning pop={pop} />}
      {pop.kind === 'known' && <RecoveryWarning pop={pop} />}
      {pop.kind === 'known' ? (
        <header>
          <h2 data-testid="customer-name">{pop.customer.name}</h2>
          <span className={`tier tier-${pop.customer.tier}`} data-testid="customer-tier">
            {t(`pop.tier.${pop.customer.tier}`)}
          </span>
          {pop.customer.preferredLanguage && (
            <span className="preferred-language">
              {t('pop.preferredLanguage')}: {t(`locale.${pop.customer.preferredLanguage}`)}
            </span>
          )}
        </header>
      ) : (
        <header>
          <h2 data-testid="customer-name">{t('pop.newCaller')}</h2>
          <p>{t('pop.newCallerHint')}</p>
          <NewCallerForm key={call.callId} number={pop.number ?? call.remoteNumber} />
        </header>
      )}
      <dl>
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        {pop.kind === 'known' && (
          <div>
            <dt>{t('pop.customerId')}</dt>
            <dd>{pop.customer.externalId}</dd>
          </div>
        )}
      </dl>
      {pop.kind === 'known' && call.state === 'ended' && (
        <div className="call-back" role="group" aria-label={pop.customer.name}>
          {pop.customer.phones.map((phone) => (
            <button key={phone} type="button" onClick={() => void dial(phone, pop.customer.externalId)}>
              {t('call.callCustomer', { number: phone })}
            </button>
          ))}
        </div>
      )}
      {pop.kind === 'known' && <CustomerHistory pop={pop} />}
    </section>
  );
}

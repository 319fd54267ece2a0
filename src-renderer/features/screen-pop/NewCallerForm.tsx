import { useState } from 'react';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { LocaleOptions } from '../../i18n/LocaleOptions';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { createCustomer, type FieldErrors } from './actions';

/** Quick create for a caller not in the records: the number comes from the call, the agent adds the name. */
export function NewCallerForm({ number }: { number: string }) {
  const t = useT();
  const [form, setForm] = useState({ name: '', number, preferredLanguage: '', notes: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const error = (field: string) =>
    errors[field] ? (
      <span className="field-error" role="alert" id={`customer-error-${field}`}>
        {t(errors[field] as MessageKey)}
      </span>
    ) : null;
  const described = (field: string) => (errors[field] ? `customer-error-${field}` : undefined);
  return (
    <details className="new-caller">
      <summary>{t('customer.create')}</summary>
      <form
        aria-label={t('customer.create')}
        onSubmit={(e) => {
          e.preventDefault();
          setSaving(true);
          const preferredLanguage = form.preferredLanguage === '' ? null : (form.preferredLanguage as Locale);
          void createCustomer({ ...form, preferredLanguage }).then((next) => {
            setErrors(next);
            setSaving(false);
          });
        }}
      >
        <label>
          {t('customer.name')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-invalid={Boolean(errors.name)} aria-describedby={described('name')} />
        </label>
        {error('name')}
        <label>
          {t('customer.number')}
          <input value={form.number} inputMode="tel" onChange={(e) => setForm({ ...form, number: e.target.value })} aria-invalid={Boolean(errors.number)} aria-describedby={described('number')} />
        </label>
        {error('number')}
        <label>
          {t('customer.language')}
          <select value={form.preferredLanguage} onChange={(e) => setForm({ ...form, preferredLanguage: e.target.value })}>
            <option value="">{t('customer.languageUnknown')}</option>
            <LocaleOptions />
          </select>
        </label>
        <label>
          {t('customer.notes')}
          <textarea value={form.notes} rows={2} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
        </label>
        {error('notes')}
        {error('(form)')}
        <button type="submit" disabled={saving}>
          {t('customer.save')}
        </button>
      </form>
    </details>
  );
}

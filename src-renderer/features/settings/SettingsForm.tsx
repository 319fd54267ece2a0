import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState, type ReactNode } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { ContractError } from '../../../src-shared/contract';
import { settingsFormSchema, type SettingsUpdate, type SettingsView } from '../../../src-shared/domain/phone-settings';
import { Locale } from '../../../src-shared/domain/screen-pop';
import { LocaleOptions } from '../../i18n/LocaleOptions';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { DeviceChoices } from '../media';
import { useWorkspace } from '../softphone';
import { saveSettings } from './actions';
import { issueKey } from './issue-text';
import { PhoneStatusLine } from './PhoneStatusLine';
import { mainErrorText } from '../../i18n/main-error-text';

type FieldName = FieldPath<SettingsUpdate>;

function Field({ name, label, hint, error, children }: { name: FieldName; label: MessageKey; hint?: string; error?: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="settings-field">
      <label htmlFor={`settings-${name}`}>{t(label)}</label>
      {children}
      {hint && <small id={`settings-${name}-hint`}>{hint}</small>}
      {error !== undefined && (
        <p className="settings-error" id={`settings-${name}-error`} role="alert">
          {t(issueKey(error))}
        </p>
      )}
    </div>
  );
}

/**
 * PBX address, SIP domain, extension, display name, password, audio devices and language. Validated on save
 * (and while correcting) with the contract's own schema (the same main checks again), issues said in the agent's language.
 * Saving restarts the phone; its state shows live below the button.
 * The team server's address and sign-in are a form of their own below (TeamServerForm): signing in never restarts the phone.
 */
export function SettingsForm({ view, footer }: { view: SettingsView; footer?: ReactNode }) {
  const t = useT();
  const locale = useWorkspace((s) => s.locale);
  const setLocale = useWorkspace((s) => s.setLocale);
  const [saved, setSaved] = useState(false);
  const schema = useMemo(() => settingsFormSchema(view.hasPassword), [view.hasPassword]);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(schema),
    // Checked on save, then again as each field is corrected (checking on blur moved the button under a click).
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: {
      pbx: view.pbx ?? { server: '', domain: '', extension: '', displayName: '' },
      password: '',
      uiLocale: locale,
    },
  });

  const submit = handleSubmit(async (update) => {
    setSaved(false);
    try {
      await saveSettings(update);
      // The password field never shows a saved password; it is kept until the agent types a new one.
      resetField('password');
      setSaved(true);
    } catch (err) {
      const issues = err instanceof ContractError ? (err.issues ?? []) : [];
      for (const issue of issues) setError(issue.path as FieldName, { message: issue.message });
      if (issues.length === 0) setError('root', { message: mainErrorText(t, err) });
    }
  });

  const fieldError = (name: FieldName): string | undefined => {
    if (name === 'password') return errors.password?.message;
    if (!name.startsWith('pbx.')) return undefined;
    return errors.pbx?.[name.slice('pbx.'.length) as keyof SettingsUpdate['pbx']]?.message;
  };
  const input = (name: FieldName, extra: { type?: string; autoComplete?: string; placeholder?: string; hint?: boolean } = {}) => ({
    id: `settings-${name}`,
    type: extra.type ?? 'text',
    autoComplete: extra.autoComplete ?? 'off',
    placeholder: extra.placeholder,
    disabled: !view.editable,
    'aria-invalid': fieldError(name) !== undefined,
    'aria-describedby':
      [extra.hint ? `settings-${name}-hint` : '', fieldError(name) !== undefined ? `settings-${name}-error` : ''].filter(Boolean).join(' ') || undefined,
    ...register(name),
  });

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('settings.title')} data-testid="settings-form">
      {!view.editable && <p className="settings-note">{t('settings.demoNote')}</p>}
      <fieldset>
        <legend>{t('settings.section.phone')}</legend>
        <Field name="pbx.server" label="settings.server" hint={t('settings.serverHint')} error={fieldError('pbx.server')}>
          <input {...input('pbx.server', { hint: true, placeholder: 'wss://' })} />
        </Field>
        <Field name="pbx.domain" label="settings.domain" error={fieldError('pbx.domain')}>
          <input {...input('pbx.domain')} />
        </Field>
        <Field name="pbx.extension" label="settings.extension" error={fieldError('pbx.extension')}>
          <input {...input('pbx.extension')} />
        </Field>
        <Field name="pbx.displayName" label="settings.displayName" error={fieldError('pbx.displayName')}>
          <input {...input('pbx.displayName', { autoComplete: 'name' })} />
        </Field>
        <Field
          name="password"
          label="settings.password"
          hint={t(view.passwordKept === 'keychain' ? 'settings.passwordKept.keychain' : 'settings.passwordKept.session')}
          error={fieldError('password')}
        >
          <input
            {...input('password', { type: 'password', autoComplete: 'new-password', hint: true, placeholder: view.hasPassword ? t('settings.passwordSaved') : undefined })}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t('media.devices')}</legend>
        <DeviceChoices active />
      </fieldset>
      <fieldset>
        <legend>{t('app.language')}</legend>
        <Field name="uiLocale" label="app.language">
          {/* Shown in the chosen language at once, so an agent can pick theirs before reading the rest. */}
          <select id="settings-uiLocale" disabled={!view.editable} {...register('uiLocale', { onChange: (e) => setLocale(Locale.parse(e.target.value)) })}>
            <LocaleOptions />
          </select>
        </Field>
      </fieldset>
      {errors.root?.message && (
        <p className="settings-error" role="alert">
          {issueKey(errors.root.message) === 'settings.issue.invalid' ? t('error.generic', { message: errors.root.message }) : t(issueKey(errors.root.message))}
        </p>
      )}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={isSubmitting || !view.editable}>
          {isSubmitting ? t('settings.saving') : t('settings.save')}
        </button>
        {footer}
      </div>
      {(saved || view.pbx !== null) && <PhoneStatusLine />}
    </form>
  );
}

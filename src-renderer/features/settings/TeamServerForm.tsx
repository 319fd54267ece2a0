import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { TEAM_ISSUES, TeamSignIn, type TeamIssue, type TeamSessionView } from '../../../src-shared/domain/team-session';
import { request } from '../../api/client';
import type { MessageKey } from '../../i18n/messages';
import { mainErrorText } from '../../i18n/main-error-text';
import { useT } from '../../i18n/use-t';
import { useSync } from '../sync';

const issueText = (message: string | undefined): TeamIssue | 'settings.issue.invalid' =>
  (TEAM_ISSUES as readonly string[]).includes(message ?? '') ? (message as TeamIssue) : 'settings.issue.invalid';

function stateText(view: TeamSessionView): { key: MessageKey; values?: Record<string, string | number>; failed: boolean } {
  switch (view.state) {
    case 'signed-in':
      return { key: 'settings.team.state.signedIn', values: { name: view.user?.username ?? view.username ?? '', team: view.user?.teamId ?? '—' }, failed: false };
    case 'wrong-password':
      return { key: 'settings.team.state.wrongPassword', failed: true };
    case 'locked':
      return { key: 'settings.team.state.locked', values: { minutes: Math.max(1, Math.ceil((view.retryAfterS ?? 60) / 60)) }, failed: true };
    case 'unreachable':
      return { key: 'settings.team.state.unreachable', failed: true };
    case 'signed-out':
      return { key: 'settings.team.state.signedOut', failed: false };
    default:
      return { key: 'settings.team.state.none', failed: false };
  }
}

/**
 * The team server's address, user name and password: signs in at once (no restart; a desktop that was alone
 * starts syncing), says how that stands, and signs out. A form of its own: signing in never restarts the phone.
 * The password field is emptied after every attempt; main keeps only the refresh token.
 */
export function TeamServerForm() {
  const t = useT();
  const [view, setView] = useState<TeamSessionView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The session's state follows the sync worker (signed in, unreachable, signed out elsewhere).
  const syncState = useSync((s) => `${s.status?.state}:${s.status?.user?.username ?? ''}`);
  useEffect(() => {
    request('getTeamSession', {}).then(setView, (err: unknown) => setFailure(mainErrorText(t, err)));
    // Read again only when the sync state moves on (signed in, unreachable, signed out elsewhere).
  }, [syncState]);
  const {
    register,
    handleSubmit,
    resetField,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(TeamSignIn), mode: 'onSubmit', reValidateMode: 'onChange', defaultValues: { server: '', username: '', password: '' } });
  const known = view !== null;
  useEffect(() => {
    if (view) reset({ server: view.server ?? '', username: view.username ?? '', password: '' });
    // Filled once, from what main has configured.
  }, [known]);

  const submit = handleSubmit(async (signIn) => {
    setFailure(null);
    try {
      setView(await request('signInTeam', signIn));
    } catch (err) {
      setFailure(mainErrorText(t, err));
    }
    resetField('password');
  });
  const signOut = async () => {
    setFailure(null);
    try {
      setView(await request('signOutTeam', {}));
    } catch (err) {
      setFailure(mainErrorText(t, err));
    }
  };

  const editable = view?.editable ?? false;
  const field = (name: 'server' | 'username' | 'password', label: MessageKey, extra: { type?: string; autoComplete?: string; hint?: string; placeholder?: string } = {}) => {
    const error = errors[name]?.message;
    const id = `team-${name}`;
    return (
      <div className="settings-field">
        <label htmlFor={id}>{t(label)}</label>
        <input
          id={id}
          type={extra.type ?? 'text'}
          autoComplete={extra.autoComplete ?? 'off'}
          placeholder={extra.placeholder}
          disabled={!editable}
          aria-invalid={error !== undefined}
          aria-describedby={[extra.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          {...register(name)}
        />
        {extra.hint && <small id={`${id}-hint`}>{extra.hint}</small>}
        {error !== undefined && (
          <p className="settings-error" id={`${id}-error`} role="alert">
            {t(issueText(error))}
          </p>
        )}
      </div>
    );
  };
  const state = view ? stateText(view) : null;
  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('settings.section.team')} data-testid="team-server-form">
      <fieldset>
        <legend>{t('settings.section.team')}</legend>
        {field('server', 'settings.team.server', { hint: t('settings.team.serverHint'), placeholder: 'https://' })}
        {field('username', 'settings.team.username', { autoComplete: 'username' })}
        {field('password', 'settings.team.password', {
          type: 'password',
          autoComplete: 'current-password',
          hint: t(view?.sessionKept === 'keychain' ? 'settings.team.kept.keychain' : 'settings.team.kept.session'),
        })}
      </fieldset>
      {failure && (
        <p className="settings-error" role="alert">
          {failure}
        </p>
      )}
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={isSubmitting || !editable}>
          {isSubmitting ? t('settings.team.signingIn') : t('settings.team.signIn')}
        </button>
        {view?.state === 'signed-in' && (
          <button type="button" disabled={!editable} onClick={() => void signOut()}>
            {t('settings.team.signOut')}
          </button>
        )}
      </div>
      {state && (
        <p className={`settings-status${state.failed ? ' settings-status-failed' : ''}`} role="status" data-testid="team-session-state">
          {t(state.key, state.values)}
        </p>
      )}
    </form>
  );
}

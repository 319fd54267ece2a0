import type { SoftphoneStatus } from '../../../src-shared/domain/softphone';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { useWorkspace } from '../softphone';

/** The phone's state in one phrase, as the agent needs it right after saving. */
function statusKey(status: SoftphoneStatus | null): { key: MessageKey; extension?: string } {
  if (!status) return { key: 'connection.notConfigured' };
  if (status.registered) return { key: 'connection.registered', extension: status.extension };
  if (status.reasonCode === 'auth-refused') return { key: 'settings.status.authRefused' };
  if (status.connection === 'connecting' || status.connection === 'connected') return { key: 'connection.connecting' };
  return status.reasonCode ? { key: `link.reason.${status.reasonCode}` } : { key: `connection.${status.connection}` };
}

/** Live under the form: connecting, registered, or "Failed: check your password". */
export function PhoneStatusLine() {
  const t = useT();
  const status = useWorkspace((s) => s.status);
  const { key, extension } = statusKey(status);
  const failed = status?.connection === 'failed';
  return (
    <p className={`settings-status${failed ? ' settings-status-failed' : ''}`} role="status" data-testid="settings-status">
      {t('settings.status', { status: t(key, extension ? { extension } : {}) })}
    </p>
  );
}

import { useT } from '../../i18n/use-t';
import { useShellLink } from './store';

/** Says when this window has lost Agent Desktop, that it is trying again, and when it is back. */
export function ShellLinkBanner() {
  const t = useT();
  const link = useShellLink((s) => s.link);
  const everOpen = useShellLink((s) => s.everOpen);
  const justReconnected = useShellLink((s) => s.justReconnected);
  let text: string | null = null;
  if (link.state === 'lost') text = t('shellLink.lost', { seconds: Math.max(1, Math.round(link.retryInMs / 1000)) });
  else if (link.state === 'refused') text = t('shellLink.refused');
  else if (link.state === 'connecting' && everOpen) text = t('shellLink.connecting');
  else if (link.state === 'open' && justReconnected) text = t('shellLink.reconnected');
  if (!text) return null;
  return (
    <div className={`shell-link shell-link-${link.state}`} role="status" data-testid="shell-link">
      {text}
    </div>
  );
}

import { messages, type MessageKey } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';

/** Known codes have words in every locale; a code configured locally is shown as it is. */
export function useLabel(prefix: 'agent.reason' | 'disposition') {
  const t = useT();
  return (code: string) => {
    const key = `${prefix}.${code}`;
    return key in messages.en ? t(key as MessageKey) : code;
  };
}

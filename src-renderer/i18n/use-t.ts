import { useWorkspace } from '../features/softphone';
import { translate, type MessageKey } from './messages';

export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const locale = useWorkspace((s) => s.locale);
  return (key, values) => translate(locale, key, values);
}

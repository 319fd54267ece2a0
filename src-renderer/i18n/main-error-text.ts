import { ContractError } from '../../src-shared/contract';
import { messages, type MessageKey } from './messages';

/** A failed request as the renderer keeps it: main's English message, and the key and parameters of its words. */
export type ShownError = { code: string; message: string; key?: string; params?: Record<string, string | number> };

/** A parameter from outside (a dialled number, a PBX's reason phrase) is shown as text, never longer than this. */
const PARAM_CAP = 80;

/** What was thrown, kept for showing later (a store holds it; a ContractError's key and params travel with it). */
export function shownError(err: unknown): ShownError {
  if (err instanceof ContractError) {
    return { code: err.code, message: err.message, ...(err.key ? { key: err.key } : {}), ...(err.params ? { params: err.params } : {}) };
  }
  return { code: 'FAILED', message: err instanceof Error ? err.message : String(err) };
}

function isMessageKey(key: string | undefined): key is MessageKey {
  return key !== undefined && Object.hasOwn(messages.en, key);
}

/** True when the error names words the renderer has, so it can be said in the agent's language. */
export function hasWords(error: ShownError): boolean {
  return isMessageKey(error.key);
}

/**
 * The one way to say a main-process error in the agent's language: its key's words with the parameters filled
 * as capped text, or main's English message when the key is unknown (an older or newer main process).
 */
export function mainErrorText(t: (key: MessageKey, values?: Record<string, string | number>) => string, err: ShownError | unknown): string {
  const error = isShownError(err) ? err : shownError(err);
  if (!isMessageKey(error.key)) return error.message;
  const params = Object.fromEntries(
    Object.entries(error.params ?? {}).map(([name, value]) => [name, typeof value === 'string' ? value.slice(0, PARAM_CAP) : value]),
  );
  return t(error.key, params);
}

function isShownError(err: unknown): err is ShownError {
  return !(err instanceof Error) && typeof err === 'object' && err !== null && 'code' in err && 'message' in err;
}

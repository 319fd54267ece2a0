import {
  ContractError,
  isRequestChannel,
  requests,
  type ContractFailure,
  type Reply,
  type RequestChannel,
  type ResponseOf,
} from '../../src-shared/contract';
import type { Logger } from './logger';

export type Handlers = {
  [C in RequestChannel]: (request: import('zod').infer<(typeof requests)[C]['request']>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** Who sent a request, as the host established it (frame URL under Electron, token under the web shell). */
export interface Sender {
  trusted: boolean;
  description: string;
}

export type ContractRouter = (channel: unknown, payload: unknown, sender: Sender) => Promise<Reply<unknown>>;

function failure(error: ContractError): { ok: false; error: ContractFailure } {
  return { ok: false, error: error.toFailure() };
}

/**
 * The main side of the contract, shared by both hosts: checks the sender and the channel, validates the payload
 * against the contract's schema, and only then calls the service. Nothing unvalidated reaches a service.
 */
export function createRouter(handlers: Handlers, log: Logger): ContractRouter {
  return async (channel, payload, sender) => {
    if (!sender.trusted) {
      log.warn('contract: refused request from untrusted sender', { sender: sender.description });
      return failure(new ContractError('UNTRUSTED_SENDER', `Requests from ${sender.description} are not accepted.`, undefined, {
        key: 'mainError.contract.untrusted',
      }));
    }
    if (!isRequestChannel(channel)) {
      log.warn('contract: unknown channel', { channel: String(channel).slice(0, 100) });
      return failure(new ContractError('UNKNOWN_CHANNEL', `Unknown request channel "${String(channel).slice(0, 100)}".`, undefined, {
        key: 'mainError.contract.unknownChannel',
      }));
    }
    const parsed = requests[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(request)', message: i.message }));
      return failure(
        new ContractError(
          'INVALID_REQUEST',
          `Invalid ${channel} request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
          { key: 'mainError.contract.invalid' },
        ),
      );
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown> | unknown;
      return { ok: true, result: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof ContractError) return failure(err);
      log.error(`contract: ${channel} failed`, { error: String(err) });
      return failure(new ContractError('FAILED', `${channel} failed: ${err instanceof Error ? err.message : String(err)}`, undefined, {
        key: 'mainError.contract.failed',
      }));
    }
  };
}

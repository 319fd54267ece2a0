/** Envelopes of the web shell's WebSocket: the same contract as Electron IPC, framed as JSON messages. */
import { z } from 'zod';
import { ContractFailure } from './contract';

export const WireRequest = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type WireRequest = z.infer<typeof WireRequest>;

export const WireMessage = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.number().int().nullable(), ok: z.literal(false), error: ContractFailure }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);
export type WireMessage = z.infer<typeof WireMessage>;

/** Where the web shell carries the contract; the token travels in the WebSocket subprotocol, not the URL. */
export const WIRE_PATH = '/contract';
export const WIRE_PROTOCOL_PREFIX = 'agent-desktop.';
/** Where a page trades its one-time code (#code=… in the address) for the session secret, once. */
export const SESSION_PATH = '/session';

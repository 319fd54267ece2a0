import { z } from 'zod';

/** One team member as the floor board shows them, from the PBX's presence and dialog events. */
export const FloorMember = z.object({
  extension: z.string().max(32),
  name: z.string().max(200),
  /** From the agent's published presence; offline when nothing is published (or it was withdrawn). */
  state: z.enum(['ready', 'not-ready', 'after-call-work', 'offline']),
  reason: z.string().max(100).nullable(),
  stateSince: z.number(),
  /** From the dialog event package (RFC 4235): the agent's call, if any. */
  call: z
    .object({
      state: z.enum(['ringing', 'on-call']),
      since: z.number(),
      direction: z.enum(['inbound', 'outbound']).nullable(),
      /** The other party as the PBX names it (plain text). */
      remote: z.string().max(200).nullable(),
    })
    .nullable(),
});
export type FloorMember = z.infer<typeof FloorMember>;

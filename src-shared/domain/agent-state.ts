import { z } from 'zod';
import { Locale } from './screen-pop';

/** Reason codes for Not Ready are configuration; these are the ones every locale has words for. */
export const DEFAULT_NOT_READY_REASONS = ['break', 'meal', 'training', 'coaching', 'meeting'] as const;

export const ReasonCode = z.string().regex(/^[a-z0-9-]{1,32}$/, 'a reason code is 1–32 lowercase letters, digits or -');
export const Disposition = z.string().regex(/^[a-z0-9-]{1,32}$/, 'a disposition is 1–32 lowercase letters, digits or -');

/** Ready, or Not Ready with its reason (null only for the Not Ready every agent starts in). */
export const AgentStateTarget = z.object({ state: z.enum(['ready', 'not-ready']), reasonCode: ReasonCode.nullable() }).strict();
export type AgentStateTarget = z.infer<typeof AgentStateTarget>;

/** A call in after-call work and its disposition (null until chosen). */
export const AcwCall = z.object({ callId: z.string(), disposition: Disposition.nullable() });
export type AcwCall = z.infer<typeof AcwCall>;

export const AgentState = z.object({
  state: z.enum(['ready', 'not-ready', 'after-call-work']),
  /** Why Not Ready (break, meal …); null otherwise. */
  reasonCode: ReasonCode.nullable(),
  since: z.number(),
  /** After-call work: the call it follows, when its time box ends, whether it was extended, the disposition. */
  acw: z
    .object({
      callId: z.string(),
      endsAt: z.number(),
      extended: z.boolean(),
      disposition: Disposition.nullable(),
      /** The time box ran out before a disposition was chosen: the agent stays here until one is. */
      overdue: z.boolean(),
      /** Where the agent goes when this work is done, unless a next state was chosen: the state before the call. */
      returnTo: AgentStateTarget,
      /** Earlier calls whose after-call work was still open when this one ended; each keeps its own disposition. */
      earlier: z.array(AcwCall),
    })
    .nullable(),
  /** Chosen during a call or after-call work ("Not Ready · meal"): applied when after-call work is done. */
  nextState: AgentStateTarget.nullable().optional(),
});
export type AgentState = z.infer<typeof AgentState>;

/**
 * Words for a code in each language, as a team lead published them (a code without words for the agent's language
 * is shown by the app's own words for it, else as it is). Data from outside: shown as text, capped here.
 */
export const CodeLabels = z.partialRecord(Locale, z.string().trim().min(1).max(64));
export type CodeLabels = z.infer<typeof CodeLabels>;

export const AgentSettings = z.object({
  notReadyReasons: z.array(ReasonCode).min(1),
  dispositions: z.array(Disposition).min(1),
  /**
   * The team's words for its codes, kept for codes since taken off the lists too, so a call record or a state
   * from before still reads as it did.
   */
  labels: z.object({ reasons: z.record(z.string(), CodeLabels), dispositions: z.record(z.string(), CodeLabels) }).optional(),
  acwSeconds: z.number().int().min(5).max(3600),
  /** While not Ready, inbound calls are refused with 486 Busy Here; false lets them ring anyway. */
  refuseWhenNotReady: z.boolean(),
  autoAnswer: z.boolean(),
  /**
   * A field marked sensitive (ID or card number) pauses the call's recording while it has focus; the recording
   * resumes by itself after this many seconds, so a forgotten pause never leaves the rest of the call unrecorded.
   */
  sensitivePauseSeconds: z.number().int().min(10).max(600).optional(),
});
export type AgentSettings = z.infer<typeof AgentSettings>;

export const DEFAULT_AGENT_SETTINGS: AgentSettings = {
  notReadyReasons: [...DEFAULT_NOT_READY_REASONS],
  dispositions: ['resolved', 'callback-promised', 'escalated', 'complaint-filed', 'no-action'],
  acwSeconds: 30,
  refuseWhenNotReady: true,
  autoAnswer: false,
  sensitivePauseSeconds: 60,
};

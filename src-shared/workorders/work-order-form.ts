import { z } from 'zod';
import { Severity } from '../domain/screen-pop';
import { ComplaintType, WhyTag } from './complaint';
import { isCardNumber } from './payment-card';

/**
 * Validation messages are message keys (wo.error.*): the renderer shows them in the agent's language, and the
 * main side, validating the same schema, returns the same keys.
 */
const E = {
  complaintType: 'wo.error.complaintType',
  whatHappened: 'wo.error.whatHappened',
  callbackNumber: 'wo.error.callbackNumber',
  callbackWindow: 'wo.error.callbackWindow',
  followUp: 'wo.error.followUp',
  tooLong: 'wo.error.tooLong',
  cardNumber: 'wo.error.cardNumber',
} as const;
export type WorkOrderErrorKey = (typeof E)[keyof typeof E];

const Text = (max: number) => z.string().max(max, E.tooLong);
/** A number the customer can be called back on: digits with the usual + ( ) - and spaces. */
const CallbackNumber = z.string().trim().regex(/^\+?[0-9 ()-]{5,30}$/, E.callbackNumber);

/** Everything typed so far, saved as the agent types: nothing required, every field bounded. */
export const WorkOrderDraft = z
  .object({
    complaintType: ComplaintType.or(z.literal('')).default(''),
    whyTags: z.array(WhyTag).max(12).default([]),
    whatHappened: Text(4000).default(''),
    severity: Severity.default('ordinary'),
    fairResolution: Text(2000).default(''),
    extraOffered: Text(2000).default(''),
    callbackWanted: z.boolean().default(false),
    callbackNumber: Text(40).default(''),
    /** Local date-time strings as the form holds them (yyyy-mm-ddThh:mm); converted at submit. */
    callbackFrom: Text(20).default(''),
    callbackTo: Text(20).default(''),
    followUpDate: Text(10).default(''),
    customerId: z.number().int().nullable().default(null),
    customerName: Text(200).default(''),
    callId: z.string().max(128).nullable().default(null),
    /** The customer's ID number, read out for the identity check; only its last four characters are filed. */
    idNumber: Text(40).default(''),
    /** A payment card number the customer reads out (a disputed charge); only its last four digits are filed. */
    cardNumber: Text(40).default(''),
  })
  .strict();
export type WorkOrderDraft = z.infer<typeof WorkOrderDraft>;

/** What is filed: checked field by field, with the callback promise and the follow-up as times. */
export const WorkOrderSubmission = z
  .object({
    complaintType: ComplaintType.or(z.literal('')).refine((v) => v !== '', E.complaintType),
    whyTags: z.array(WhyTag).max(12),
    whatHappened: z.string().trim().min(1, E.whatHappened).max(4000, E.tooLong),
    severity: Severity,
    fairResolution: Text(2000),
    extraOffered: Text(2000),
    callback: z
      .object({ number: CallbackNumber, from: z.number().int(), to: z.number().int() })
      .refine((c) => c.to > c.from, { message: E.callbackWindow, path: ['to'] })
      .nullable(),
    followUpAt: z.number({ error: E.followUp }).int(),
    customerId: z.number().int().nullable(),
    callId: z.string().max(128).nullable(),
    idNumber: z.string().trim().max(40, E.tooLong).optional(),
    /** Empty when no card was named; otherwise it must pass the Luhn check. */
    cardNumber: z
      .string()
      .trim()
      .max(40, E.tooLong)
      .refine((v) => v === '' || isCardNumber(v), E.cardNumber)
      .optional(),
  })
  .strict();
export type WorkOrderSubmission = z.infer<typeof WorkOrderSubmission>;

/**
 * The draft as a submission: local date-times read with the given parser (the renderer's clock and zone), empty
 * times left as NaN so validation names the field.
 */
export function submissionFrom(draft: WorkOrderDraft, parseLocal: (value: string) => number): unknown {
  const time = (value: string) => (value === '' ? Number.NaN : parseLocal(value));
  return {
    complaintType: draft.complaintType,
    whyTags: draft.whyTags,
    whatHappened: draft.whatHappened,
    severity: draft.severity,
    fairResolution: draft.fairResolution,
    extraOffered: draft.extraOffered,
    callback: draft.callbackWanted
      ? { number: draft.callbackNumber, from: time(draft.callbackFrom), to: time(draft.callbackTo) }
      : null,
    followUpAt: draft.followUpDate === '' ? undefined : time(`${draft.followUpDate}T09:00`),
    customerId: draft.customerId,
    callId: draft.callId,
    idNumber: draft.idNumber,
    cardNumber: draft.cardNumber,
  };
}

/**
 * How fields are treated beyond their type: a sensitive one (an ID or card number) pauses the call's recording
 * while it has focus, so it is never on tape.
 */
export const workOrderFieldMarks = {
  idNumber: { sensitive: true },
  cardNumber: { sensitive: true },
} as const satisfies Partial<Record<keyof WorkOrderDraft, { sensitive: boolean }>>;

/** Field -> first message key, for the form to show beside each field. */
export function fieldErrors(result: z.ZodSafeParseResult<unknown>): Record<string, string> {
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '(form)';
    const key = issue.message.startsWith('wo.error.') ? issue.message : issue.path[0] === 'callback' ? E.callbackWindow : E.followUp;
    errors[field] ??= key;
  }
  return errors;
}

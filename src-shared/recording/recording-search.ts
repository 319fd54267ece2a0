import { z } from 'zod';
import { RecordingSummary } from './recording-contract';

/**
 * The recordings screen's search as the renderer sends it to main: the customer by name or number (main turns a
 * name into the numbers this desktop knows for it), the agent, queue, a date range and a duration range. Every
 * string is data, capped here; times in epoch ms, durations in seconds.
 */
export const RecordingSearch = z
  .object({
    customer: z.string().trim().max(64).optional(),
    agent: z.string().trim().max(64).optional(),
    queue: z.string().trim().max(64).optional(),
    callId: z.string().max(256).optional(),
    from: z.number().int().min(0).optional(),
    to: z.number().int().min(0).optional(),
    minSeconds: z.number().min(0).max(86_400).optional(),
    maxSeconds: z.number().min(0).max(86_400).optional(),
  })
  .strict();
export type RecordingSearch = z.infer<typeof RecordingSearch>;

/** A found recording with the customer's name when this desktop knows the number. */
export const RecordingHit = RecordingSummary.extend({ customerName: z.string().max(200).nullable() });
export type RecordingHit = z.infer<typeof RecordingHit>;

/** How much audio one request carries (base64 in the answer): a few hundred KiB keeps each message small. */
export const RECORDING_CHUNK_BYTES = 512 * 1024;

export const RecordingAudioRequest = z
  .object({
    id: z.string().uuid(),
    offset: z.number().int().min(0),
    length: z.number().int().min(1).max(RECORDING_CHUNK_BYTES),
  })
  .strict();

/** One byte range of a recording's WAV (base64) and the file's whole size. */
export const RecordingAudioChunk = z.object({ base64: z.string(), total: z.number().int().min(0) });
export type RecordingAudioChunk = z.infer<typeof RecordingAudioChunk>;

/**
 * A call shown somewhere (a contact in the pop, a work order) whose recording is looked for: by the PBX's Call-ID
 * when the desktop knows it (exact); otherwise (calls from before it was kept) by the customer's numbers and a
 * window of time, the recording that started nearest `near` in that window being the call's.
 */
export const CallRecordingLookup = z
  .object({
    callId: z.string().min(1).max(256).optional(),
    numbers: z.array(z.string().max(64)).min(1).max(5),
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    near: z.number().int().min(0),
  })
  .strict();
export type CallRecordingLookup = z.infer<typeof CallRecordingLookup>;

/**
 * A work order's recording: its call's, by the call's Call-ID when this desktop's row of the call has it, else by
 * its customer's numbers in the two hours before it was filed.
 */
export const WorkOrderRecordingLookup = z.object({ workOrderId: z.string().min(1).max(100) }).strict();
export type WorkOrderRecordingLookup = z.infer<typeof WorkOrderRecordingLookup>;

/** The span before a work order's filing in which its call's recording started (filed during or after the call). */
export const WORK_ORDER_CALL_MS = 2 * 3600_000;

/** How far either side of a contact its recording may have started (the PBX's clock and the desktop's differ). */
export const CONTACT_SLACK_MS = 60_000;

/**
 * The lookup for a contact shown in the pop: its PBX Call-ID when this desktop took the call, and the customer's
 * numbers around its time for a call from before the Call-ID was kept.
 */
export function contactRecordingLookup(
  contact: { startedAt: number; durationS: number; pbxCallId?: string | null },
  numbers: string[],
): CallRecordingLookup {
  return {
    ...(contact.pbxCallId ? { callId: contact.pbxCallId } : {}),
    numbers,
    from: Math.max(0, contact.startedAt - CONTACT_SLACK_MS),
    to: contact.startedAt + contact.durationS * 1000 + CONTACT_SLACK_MS,
    near: contact.startedAt,
  };
}

import { z } from 'zod';

export const Locale = z.enum(['zh-CN', 'zh-TW', 'th', 'en']);
export type Locale = z.infer<typeof Locale>;

export const ValueTier = z.enum(['standard', 'gold', 'vip']);
export type ValueTier = z.infer<typeof ValueTier>;

export const CustomerSummary = z.object({
  id: z.number().int(),
  externalId: z.string(),
  name: z.string(),
  tier: ValueTier,
  preferredLanguage: Locale.nullable(),
  phones: z.array(z.string()),
  tags: z.array(z.string()),
  notes: z.string(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const ContactSummary = z.object({
  startedAt: z.number(),
  direction: z.enum(['inbound', 'outbound']),
  queue: z.string().nullable(),
  durationS: z.number().int(),
  disposition: z.string().nullable(),
  agent: z.string().nullable(),
  /** The PBX's Call-ID when this desktop took the call (its recording is filed under it); absent otherwise. */
  pbxCallId: z.string().max(256).nullable().optional(),
});
export type ContactSummary = z.infer<typeof ContactSummary>;

export const Severity = z.enum(['ordinary', 'difficult', 'major']);
export const WorkOrderStatus = z.enum(['open', 'in_progress', 'resolved', 'closed']);

export const WorkOrderSummary = z.object({
  id: z.string(),
  kind: z.enum(['complaint', 'request', 'inquiry']),
  complaintType: z.string().nullable(),
  severity: Severity,
  status: WorkOrderStatus,
  summary: z.string(),
  createdAt: z.number(),
  dueAt: z.number().nullable(),
});
export type WorkOrderSummary = z.infer<typeof WorkOrderSummary>;

/** A complaint of the last 90 days whose recovery failed: recovery works once, so the agent must know. */
export const ServiceRecoveryWarning = z.object({
  workOrderId: z.string(),
  reason: z.enum(['reopened', 'low-rating']),
  csat: z.number().int().nullable(),
  at: z.number(),
});
export type ServiceRecoveryWarning = z.infer<typeof ServiceRecoveryWarning>;

/** What a teammate (a specialist, the team lead) last did on one of this customer's work orders. */
export const TeamUpdate = z.object({
  workOrderId: z.string(),
  status: WorkOrderStatus,
  kind: z.string(),
  by: z.string(),
  at: z.number(),
});
export type TeamUpdate = z.infer<typeof TeamUpdate>;
/**
 * The IVR's X-Customer-Id named one customer, the number on file belongs to another: the pop shows the IVR's
 * (the caller may ring from someone else's phone) and says whose the number is, so the agent checks who it is.
 */
export const IdentityConflict = z.object({ numberOwner: z.object({ externalId: z.string(), name: z.string() }) });
export type IdentityConflict = z.infer<typeof IdentityConflict>;

/** What the agent sees while the phone rings, before answering. */
export const ScreenPop = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('known'),
    number: z.string().nullable(),
    customer: CustomerSummary,
    recentContacts: z.array(ContactSummary),
    openWorkOrders: z.array(WorkOrderSummary),
    serviceRecovery: ServiceRecoveryWarning.nullable(),
    /** The team's latest work on this customer's complaints (team server), newest first. */
    teamUpdates: z.array(TeamUpdate).optional(),
    identityConflict: IdentityConflict.nullable().optional(),
  }),
  z.object({ kind: z.literal('unknown'), number: z.string().nullable(), recentContacts: z.array(ContactSummary) }),
]);
export type ScreenPop = z.infer<typeof ScreenPop>;

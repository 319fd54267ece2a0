import { z } from 'zod';
import { PbxCallId } from '../domain/call';
import { Severity, WorkOrderStatus } from '../domain/screen-pop';
import { Route } from '../workorders/complaint';
import { KbHelpedMutation } from './knowledge-contract';

/**
 * The sync contract between a desktop and the team server, used by both sides: every request body and every
 * response is checked against these schemas. Strings are capped here, where they enter the server.
 */

export const Role = z.enum(['agent', 'specialist', 'lead', 'admin']);
export type Role = z.infer<typeof Role>;

const Uuid = z.uuid();
/** Text from a desktop: capped, and never a NUL (PostgreSQL text cannot hold one). */
const Text = (max: number) => z.string().max(max).refine((t) => !t.includes('\u0000'), 'text cannot contain a NUL character');
/** A user name or extension: letters, digits and . _ - only, so it is safe in logs and URLs. */
export const UserName = z.string().regex(/^[0-9A-Za-z_.-]{1,64}$/, 'a user name is 1–64 letters, digits, dots, dashes or underscores');

export const LoginRequest = z.object({
  username: UserName,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RefreshRequest = z.object({ refreshToken: z.string().min(20).max(200) });

export const SessionUser = z.object({
  id: z.number().int(),
  username: UserName,
  displayName: Text(100),
  role: Role,
  teamId: z.number().int().nullable(),
  queues: z.array(Text(64)),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const TokenResponse = z.object({
  accessToken: z.string(),
  /** Seconds the access token is good for. */
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  user: SessionUser,
});
export type TokenResponse = z.infer<typeof TokenResponse>;

/** A customer as the work order names them: the CRM's id when known, else the number on the call. */
export const CustomerRef = z.object({
  externalId: Text(64).nullable(),
  name: Text(200).nullable(),
  number: Text(40).nullable(),
});
export type CustomerRef = z.infer<typeof CustomerRef>;

export const FollowUpKind = z.enum(['callback', 'follow-up']);

const NewFollowUp = z.object({
  id: Uuid,
  kind: FollowUpKind,
  number: Text(40).nullable(),
  dueAt: z.number().int().nonnegative(),
  windowEnd: z.number().int().nonnegative().nullable(),
  note: Text(2000),
});

/** What the agent filed; the server computes the deadline (in server time) and the route. */
const FileWorkOrder = z.object({
  kind: z.literal('workOrder.file'),
  workOrder: z.object({
    id: Uuid,
    displayId: Text(40).refine((t) => t.length > 0, 'a work order needs its number'),
    customer: CustomerRef,
    complaintType: Text(64).nullable(),
    severity: Severity,
    summary: Text(200),
    /** The form beyond the columns (what happened, why-tags, resolution, callback): shown, never interpreted. */
    details: z
      .record(z.string(), z.unknown())
      .refine((d) => JSON.stringify(d).length <= 20_000, 'work-order details are over 20,000 characters')
      .refine((d) => !JSON.stringify(d).includes('\\u0000'), 'work-order details cannot contain a NUL character'),
    /** The queue of the call it was filed on (reports per queue); absent from desktops older than it. */
    callQueue: Text(64).nullish(),
  }),
  followUps: z.array(NewFollowUp).max(5),
});

const SetWorkOrderStatus = z.object({
  kind: z.literal('workOrder.setStatus'),
  id: Uuid,
  status: WorkOrderStatus,
  baseVersion: z.number().int().positive(),
  note: Text(2000).default(''),
});

const ClaimWorkOrder = z.object({ kind: z.literal('workOrder.claim'), id: Uuid, baseVersion: z.number().int().positive() });

/** A team lead gives a work order to a member of her team (assignee) or back to a queue (queue, nobody on it). */
const AssignWorkOrder = z.object({
  kind: z.literal('workOrder.assign'),
  id: Uuid,
  assignee: UserName.optional(),
  queue: Text(64).optional(),
  baseVersion: z.number().int().positive(),
});

const CompleteFollowUp = z.object({
  kind: z.literal('followUp.complete'),
  id: Uuid,
  csat: z.number().int().min(1).max(5).nullable(),
});

/** A call's quality summary as the team server keeps it (issue #14): the contacts row's quality columns. */
export const ContactQuality = z
  .object({
    avgMos: z.number().min(1).max(4.5).nullable(),
    worstMos: z.number().min(1).max(4.5).nullable(),
    worstJitterMs: z.number().min(0).max(60_000).nullable(),
    worstLossPct: z.number().min(0).max(100).nullable(),
    warningS: z.number().int().min(0).max(86_400),
    oneWay: z.boolean(),
  })
  .strict();
export type ContactQuality = z.infer<typeof ContactQuality>;

const RecordContact = z.object({
  kind: z.literal('contact.record'),
  contact: z.object({
    id: Uuid,
    startedAt: z.number().int().nonnegative(),
    direction: z.enum(['inbound', 'outbound']),
    customer: CustomerRef,
    queue: Text(64).nullable(),
    durationS: z.number().int().nonnegative().max(86_400),
    holdS: z.number().int().nonnegative().max(86_400),
    disposition: Text(64).nullable(),
    /** After-call work on this call, for the reports' handle time (older desktops send none: 0). */
    acwS: z.number().int().nonnegative().max(86_400).optional(),
    /** Whether the agent answered it (older desktops pushed only answered calls: true). */
    answered: z.boolean().optional(),
    /** The call's audio quality as the agent's window measured it (none: not measured, or an older desktop). */
    quality: ContactQuality.nullable().optional(),
    /** The PBX's SIP Call-ID, which the call's recording is filed under (older desktops send none). */
    pbxCallId: PbxCallId.optional(),
  }),
});

const ChangeAgentState = z.object({
  kind: z.literal('agentState.change'),
  state: z.enum(['ready', 'not-ready', 'after-call-work', 'offline']),
  reason: Text(64).nullable(),
  at: z.number().int().nonnegative(),
});

export const Mutation = z.discriminatedUnion('kind', [
  FileWorkOrder,
  SetWorkOrderStatus,
  ClaimWorkOrder,
  AssignWorkOrder,
  CompleteFollowUp,
  RecordContact,
  ChangeAgentState,
  KbHelpedMutation,
]);
export type Mutation = z.infer<typeof Mutation>;

/** One entry of a desktop's outbox: its place in the desktop's order and the change itself. */
export const PushedMutation = z.object({
  seq: z.number().int().positive(),
  /** Client-generated idempotency key, logged with every outcome. */
  key: Uuid,
  mutation: Mutation,
});
export type PushedMutation = z.infer<typeof PushedMutation>;

export const MAX_PUSH = 100;
export const PushRequest = z.object({
  clientId: Uuid,
  mutations: z.array(PushedMutation).min(1).max(MAX_PUSH),
  /**
   * The desktop's feed cursor: the answer then carries what a pull after it would (`pull`), read after the push
   * committed, so the writer does not send a pull of its own right after (it was one request in three).
   */
  after: z.number().int().nonnegative().optional(),
  /** With `after`: changes still in the outbox once this push is applied (the team lead's board, as a pull reports). */
  waiting: z.number().int().min(0).max(1_000_000).optional(),
});
export type PushRequest = z.infer<typeof PushRequest>;

const KINDS: ReadonlySet<string> = new Set(Mutation.options.map((m) => m.shape.kind.value));
/**
 * A push as the server's route takes it: each change is checked against `Mutation` on its own when it is applied,
 * so a malformed one (a Call-ID with a control character) is refused alone, recorded, and the rest of the push still
 * applies. A kind this server does not know refuses the whole push, as before: it may apply once the server knows it.
 */
export const PushEnvelope = PushRequest.extend({
  mutations: z
    .array(PushedMutation.extend({ mutation: z.looseObject({ kind: z.string().refine((k) => KINDS.has(k), 'a change of a kind this server does not know') }) }))
    .min(1)
    .max(MAX_PUSH),
});
export type PushEnvelope = z.infer<typeof PushEnvelope>;

/**
 * applied: done now; duplicate: done before (a retry); conflict: based on an old version, not applied — the
 * person decides (current holds the server's version); rejected: can never apply (reason says why).
 */
export const PushOutcome = z.enum(['applied', 'duplicate', 'conflict', 'rejected']);
export const PushResult = z.object({
  seq: z.number().int(),
  outcome: PushOutcome,
  reason: z.string().optional(),
  current: z.unknown().optional(),
});
export type PushResult = z.infer<typeof PushResult>;
export const PushResponse = z.object({
  results: z.array(PushResult),
  lastSeq: z.number().int(),
  /**
   * When the push named `after`: the team's changes after it, as GET /v1/sync/pull answers (absent: pull). A page
   * this desktop cannot read is taken as absent: the push still counts as done, and the pull says what is wrong.
   */
  pull: z.lazy(() => PullResponse).optional().catch(undefined),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const ServerWorkOrder = z.object({
  id: Uuid,
  displayId: z.string(),
  teamId: z.number().int(),
  customer: CustomerRef,
  complaintType: z.string().nullable(),
  severity: Severity,
  status: WorkOrderStatus,
  route: Route,
  queue: z.string().nullable(),
  assignee: z.string().nullable(),
  createdBy: z.string(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.number(),
  updatedAt: z.number(),
  dueAt: z.number(),
  reopenedCount: z.number().int(),
  csat: z.number().int().nullable(),
  version: z.number().int(),
  /** The queue of the call it was filed on (reports per queue); absent from servers older than it. */
  callQueue: z.string().nullish(),
});
export type ServerWorkOrder = z.infer<typeof ServerWorkOrder>;

export const ServerWorkOrderEvent = z.object({
  id: z.number().int(),
  workOrderId: Uuid,
  at: z.number(),
  kind: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type ServerWorkOrderEvent = z.infer<typeof ServerWorkOrderEvent>;

export const ServerFollowUp = z.object({
  id: Uuid,
  teamId: z.number().int(),
  workOrderId: Uuid.nullable(),
  kind: FollowUpKind,
  owner: z.string(),
  /** 'team' once a due callback fell to the team's queue (its owner signed out or offline). */
  queue: z.enum(['owner', 'team']),
  number: z.string().nullable(),
  dueAt: z.number(),
  windowEnd: z.number().nullable(),
  note: z.string(),
  status: z.enum(['pending', 'done', 'cancelled']),
  csat: z.number().int().nullable(),
  version: z.number().int(),
});
export type ServerFollowUp = z.infer<typeof ServerFollowUp>;

export const ServerContact = z.object({
  id: Uuid,
  teamId: z.number().int(),
  agent: z.string(),
  startedAt: z.number(),
  direction: z.enum(['inbound', 'outbound']),
  customer: CustomerRef,
  queue: z.string().nullable(),
  durationS: z.number().int(),
  holdS: z.number().int(),
  disposition: z.string().nullable(),
  /**
   * The PBX's SIP Call-ID, so every desktop of the team links the call to its own recording; absent from older
   * servers and calls from older desktops. One that is not a Call-ID is taken as none (the pull still applies).
   */
  pbxCallId: PbxCallId.nullish().catch(null),
});
export type ServerContact = z.infer<typeof ServerContact>;

export const Change = z.discriminatedUnion('entity', [
  z.object({ seq: z.number().int(), entity: z.literal('workOrder'), data: ServerWorkOrder }),
  z.object({ seq: z.number().int(), entity: z.literal('workOrderEvent'), data: ServerWorkOrderEvent }),
  z.object({ seq: z.number().int(), entity: z.literal('followUp'), data: ServerFollowUp }),
  z.object({ seq: z.number().int(), entity: z.literal('contact'), data: ServerContact }),
  /** A work order this person may no longer see (reassigned away, moved to a queue she does not serve). */
  z.object({ seq: z.number().int(), entity: z.literal('workOrderGone'), data: z.object({ id: Uuid }) }),
]);
export type Change = z.infer<typeof Change>;

export const PullQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  clientId: Uuid.optional(),
  /** Changes still in this desktop's outbox, so the team lead sees which desktops hold unsynced work. */
  waiting: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const PullResponse = z.object({
  changes: z.array(Change),
  /** Pull again after this sequence. */
  cursor: z.number().int(),
  more: z.boolean(),
  /** The last of this desktop's mutations the server applied: the acknowledgement travels with the data. */
  clientLastSeq: z.number().int().nullable(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** A desktop of the team as the lead sees it: its person, what it still holds, when it was last heard from. */
export const TeamDesktop = z.object({
  username: z.string(),
  displayName: z.string(),
  waiting: z.number().int(),
  reportedAt: z.number().nullable(),
  signedIn: z.boolean(),
  lastSeen: z.number().nullable(),
});
export type TeamDesktop = z.infer<typeof TeamDesktop>;
export const TeamDesktopsResponse = z.object({ desktops: z.array(TeamDesktop) });

/** A member of the lead's team, for her reassign choice; queues are where a work order may be put back. */
export const TeamMember = z.object({ username: UserName, displayName: z.string(), role: Role });
export type TeamMember = z.infer<typeof TeamMember>;
export const TeamMembersResponse = z.object({ members: z.array(TeamMember), queues: z.array(z.string()) });
export type TeamMembersResponse = z.infer<typeof TeamMembersResponse>;

/**
 * Pushed over the live WebSocket when the desktop's team feed moved on to `seq`. With `after` and `changes` it
 * carries what this person may see of the feed from `after` to `seq` (a desktop whose cursor is at or past
 * `after` applies it and moves to `seq`, no pull); without them, or on a gap, the desktop pulls after its cursor.
 */
/**
 * A wake-up on the live channel: the team feed's position, with the stretch that leads there when the server could
 * send it; the hello on connecting also names the published knowledge's position.
 */
export const LiveMessage = z.object({
  type: z.literal('changed'),
  seq: z.number().int(),
  after: z.number().int().nonnegative().optional(),
  changes: z.array(Change).optional(),
  knowledge: z.number().int().nonnegative().optional(),
});
export type LiveMessage = z.infer<typeof LiveMessage>;

export const ErrorBody = z.object({ error: z.string(), message: z.string() });

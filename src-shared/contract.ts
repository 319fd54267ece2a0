/**
 * The one contract between the renderer and the main process, used by both hosts (Electron IPC and the
 * web shell's WebSocket). Every request channel maps to its request and response schema, every event to its
 * payload schema. The main side validates every request here before any service runs.
 */
import { z } from 'zod';
import { Csat, FollowUpReminder } from './domain/follow-up';
import { AgentSettings, AgentState, AgentStateTarget, Disposition, ReasonCode } from './domain/agent-state';
import { Call, CallId } from './domain/call';
import { KbArticleView, KbHitSummary, KbQuery } from './domain/knowledge';
import { ReplyTemplate } from './replies/template';
import { CoachRule } from './replies/coach-rule';
import { Route, SlaHours } from './workorders/complaint';
import { WorkOrderDraft, WorkOrderSubmission } from './workorders/work-order-form';
import { Locale, ScreenPop, WorkOrderStatus, WorkOrderSummary } from './domain/screen-pop';
import { SoftphoneStatus } from './domain/softphone';
import { NewCustomer } from './domain/new-customer';
import { MediaCommand, MediaResult, MediaSessionId } from './domain/media';
import { CallQualitySummary } from './quality/summary';
import { CallQualityLevel } from './quality/level';
import { FloorMember, MonitorMode, TeamLeadSettings } from './domain/floor';
import { SyncDecision, SyncStatus } from './domain/sync-status';
import { TeamDesktop, TeamMember, UserName } from './sync/contract';
import { SettingsUpdate, SettingsView } from './domain/phone-settings';
import { TeamSessionView, TeamSignIn } from './domain/team-session';
import { ReportRequest, ReportResult } from './reports/report-contract';
import { CallRecordingLookup, RecordingAudioChunk, RecordingAudioRequest, RecordingHit, RecordingSearch, WorkOrderRecordingLookup } from './recording/recording-search';

const Empty = z.object({}).strict();
const CallRef = z.object({ callId: CallId }).strict();
/** A number or extension as the agent types it, or a sip: address. */
const DialTarget = z.string().trim().min(1).max(200);

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  demo: z.boolean(),
  uiLocale: Locale,
  agent: z.object({ extension: z.string(), displayName: z.string() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const requests = {
  getAppInfo: { request: Empty, response: AppInfo },
  getSoftphoneStatus: { request: Empty, response: SoftphoneStatus },
  listCalls: { request: Empty, response: z.object({ calls: z.array(Call) }) },
  getScreenPop: { request: z.object({ callId: CallId }).strict(), response: ScreenPop },
  answerCall: { request: z.object({ callId: CallId }).strict(), response: Call },
  rejectCall: {
    request: z.object({ callId: CallId, code: z.union([z.literal(486), z.literal(603)]) }).strict(),
    response: Call,
  },
  hangUpCall: { request: CallRef, response: Call },
  holdCall: { request: CallRef.extend({ on: z.boolean() }).strict(), response: Call },
  muteCall: { request: CallRef.extend({ muted: z.boolean() }).strict(), response: Call },
  /** Secure pause: the PBX stops recording (card numbers) until resumed; the answer says what the PBX confirmed. */
  pauseRecording: { request: CallRef.extend({ paused: z.boolean() }).strict(), response: Call },
  sendDtmf: {
    request: CallRef.extend({ digits: z.string().regex(/^[0-9A-D#*]{1,32}$/, 'digits are 0–9, *, # and A–D') }).strict(),
    response: z.object({ method: z.enum(['rfc4733', 'info']) }),
  },
  /** Blind transfer (REFER). */
  transferCall: { request: CallRef.extend({ target: DialTarget }).strict(), response: Call },
  /** Attended transfer, step 1: a consultation call while the customer waits on hold. */
  consultCall: { request: CallRef.extend({ target: DialTarget }).strict(), response: Call },
  /** Attended transfer, step 2: REFER with Replaces joins the customer to the consulted party. */
  completeTransfer: { request: CallRef.extend({ consultCallId: CallId }).strict(), response: Call },
  /**
   * Click-to-dial, carrying the customer on screen to the PBX (X-Customer-Id), and the agent's UI language for the
   * recording notice when the customer's own language is not on file.
   */
  dial: {
    request: z.object({ number: DialTarget, customerId: z.string().max(200).nullable().optional(), uiLocale: Locale.optional() }).strict(),
    response: Call,
  },
  /** Quick create from the 'new caller' pop; returns the pop as it is now, with the new customer. */
  createCustomer: { request: NewCustomer, response: ScreenPop },
  getAgentState: { request: Empty, response: z.object({ state: AgentState, settings: AgentSettings }) },
  setAgentState: {
    request: z.discriminatedUnion('state', [
      z.object({ state: z.literal('ready') }).strict(),
      z.object({ state: z.literal('not-ready'), reasonCode: ReasonCode }).strict(),
    ]),
    response: AgentState,
  },
  extendAfterCallWork: { request: Empty, response: AgentState },
  setDisposition: { request: CallRef.extend({ disposition: Disposition }).strict(), response: AgentState },
  finishAfterCallWork: { request: Empty, response: AgentState },
  /** During a call or after-call work: the state to go to when the work is done (null: the state before the call). */
  setNextAgentState: { request: z.object({ next: AgentStateTarget.nullable() }).strict(), response: AgentState },
  /** Team lead: the floor as the PBX reports it now, and the settings (null for an agent). */
  getFloor: { request: Empty, response: z.object({ settings: TeamLeadSettings.nullable(), members: z.array(FloorMember) }) },
  /** Reports: "My day" for an agent (her own figures), the team's for a lead; computed in the database. */
  getReport: { request: ReportRequest, response: ReportResult },
  /** Team lead: listen to, whisper to, or barge into a team member's call (the PBX's feature code + extension). */
  monitorAgent: { request: z.object({ extension: z.string().max(32), mode: MonitorMode }).strict(), response: Call },
  /** The settings screen: PBX address, extension, whether a password is saved (never the password), language. */
  getSettings: { request: Empty, response: SettingsView },
  /** Saves the settings (config.json without secrets, the password in the keychain) and restarts the phone with them. */
  saveSettings: { request: SettingsUpdate, response: SettingsView },
  /** The renderer's WebRTC answering one media command (see mediaCommand). */
  mediaResult: { request: MediaResult, response: Empty },
  /** A media session closed: the call's quality as the window measured it, for the call's contacts row. */
  reportCallQuality: { request: z.object({ session: MediaSessionId, summary: CallQualitySummary }).strict(), response: Empty },
  /**
   * "Test my connection": a call to the PBX's echo test (no after-call work, no contacts row); the window measures
   * the echo and hangs up.
   */
  startConnectionTest: { request: Empty, response: Call },
  /** The window's judgement of the call now (sent when it changes), published with the agent's presence for her lead. */
  reportLiveQuality: { request: z.object({ level: CallQualityLevel }).strict(), response: Empty },
  /** The verdict of the agent's last "Test my connection", kept with her presence for her team lead. */
  reportConnectionTest: { request: z.object({ verdict: CallQualityLevel }).strict(), response: Empty },
  /** Demo mode: impair (or stop impairing) the lab's own media path, to show the quality warnings. */
  setDemoBadNetwork: { request: z.object({ bad: z.boolean() }).strict(), response: z.object({ bad: z.boolean() }) },
  /** The renderer saw the network come back ('online'): the link may be dead, check it now. */
  reportNetworkChange: { request: z.object({ kind: z.enum(['online']) }).strict(), response: Empty },

  // --- Knowledge panel, reply composer and complaint work orders (workspace panels) ---
  /** Search as the agent types; locale null searches every language. */
  searchKb: {
    request: z.object({ query: KbQuery, locale: Locale.nullable(), limit: z.number().int().min(1).max(50).optional() }).strict(),
    response: z.object({ hits: z.array(KbHitSummary) }),
  },
  /** Articles for the call's routing (queue name and IVR path words), shown before the agent types. */
  suggestKb: {
    request: z.object({ queue: z.string().max(200).nullable(), ivrPath: z.string().max(500).nullable(), locale: Locale }).strict(),
    response: z.object({ hits: z.array(KbHitSummary) }),
  },
  getKbArticle: { request: z.object({ id: z.string().min(1).max(200) }).strict(), response: KbArticleView },
  /** "This article helped" (or did not), kept for reporting; linked to the call's contact row when there is one. */
  markKbHelped: {
    request: z.object({ articleId: z.string().min(1).max(200), callId: CallId.nullable(), helped: z.boolean() }).strict(),
    response: Empty,
  },
  /** The canned replies of a language: the team's own (imported) over the shipped ones with the same id. */
  listTemplates: { request: z.object({ locale: Locale }).strict(), response: z.object({ templates: z.array(ReplyTemplate) }) },
  /** The coach rules the team published for a language; null: none, the shipped rules apply. */
  getTeamCoachRules: { request: z.object({ locale: Locale }).strict(), response: z.object({ rules: z.array(CoachRule).nullable() }) },
  /** SLA hours per severity, so the form shows the deadline a severity sets before filing. */
  getWorkOrderSettings: { request: Empty, response: z.object({ slaHours: SlaHours }) },
  /** The form as typed so far (saved within a second of typing); one draft per agent. */
  saveWorkOrderDraft: { request: z.object({ draft: WorkOrderDraft }).strict(), response: z.object({ savedAt: z.number() }) },
  getWorkOrderDraft: { request: Empty, response: z.object({ draft: WorkOrderDraft.nullable(), savedAt: z.number().nullable() }) },
  discardWorkOrderDraft: { request: Empty, response: Empty },
  /** Files the complaint: work order with SLA deadline and route, callback reminder, follow-up task; clears the draft. */
  submitWorkOrder: {
    request: WorkOrderSubmission,
    response: z.object({ id: z.string(), dueAt: z.number(), route: Route }),
  },
  /** Moves a work order along (statusMoves); back to open counts as a reopen. */
  setWorkOrderStatus: {
    request: z.object({ id: z.string().min(1).max(100), status: WorkOrderStatus }).strict(),
    response: z.object({ id: z.string(), status: WorkOrderStatus }),
  },
  listWorkOrders: {
    request: z.object({
      statuses: z.array(WorkOrderStatus).min(1).max(4),
      /** 'queues': only what is routed to the queues this specialist serves (team server). */
      scope: z.enum(['all', 'queues']).default('all'),
    }).strict(),
    response: z.object({
      workOrders: z.array(WorkOrderSummary.extend({ customerName: z.string().nullable(), queue: z.string().nullable(), assignee: z.string().nullable() })),
    }),
  },
  /** A specialist takes a work order from her queue (team server): hers, in progress. */
  claimWorkOrder: { request: z.object({ id: z.string().min(1).max(100) }).strict(), response: z.object({ id: z.string(), status: WorkOrderStatus }) },

  /** A team lead gives a work order to a member of her team, or back to a queue (team server). */
  assignWorkOrder: {
    request: z.union([
      z.object({ id: z.string().min(1).max(100), assignee: UserName }).strict(),
      z.object({ id: z.string().min(1).max(100), queue: z.string().min(1).max(64) }).strict(),
    ]),
    response: z.object({ id: z.string() }),
  },
  /** Team lead: who is on her team and its queues, for reassigning (null members: not a lead's desktop). */
  listTeamMembers: { request: Empty, response: z.object({ members: z.array(TeamMember).nullable(), queues: z.array(z.string()) }) },

  // Team server: how this desktop stands ("3 waiting · synced 12:04") and the changes that need a decision.
  getSyncStatus: { request: Empty, response: SyncStatus },
  listSyncDecisions: { request: Empty, response: z.object({ decisions: z.array(SyncDecision) }) },
  /** The agent saw the other person's version and keeps it (her own change is set aside, still on record). */
  acceptSyncDecision: { request: z.object({ id: z.number().int().positive() }).strict(), response: Empty },
  /** Team lead: her team's desktops and the work each still holds (null when this desktop is not a lead's on a team server). */
  getTeamDesktops: { request: Empty, response: z.object({ desktops: z.array(TeamDesktop).nullable() }) },
  /** The settings screen's team-server section: where it signs in and how that stands (never a password). */
  getTeamSession: { request: Empty, response: TeamSessionView },
  /** Signs in from the settings screen and applies it at once (a desktop that was alone starts syncing). */
  signInTeam: { request: TeamSignIn, response: TeamSessionView },
  /** Ends the session on the server and forgets the refresh token; the address and user name stay. */
  signOutTeam: { request: Empty, response: TeamSessionView },

  // Call recordings on the team server (a lead's team, an agent's own calls where the site allows it).
  /** Searches recordings; null recordings: this desktop is not signed in to a team server. */
  searchRecordings: { request: RecordingSearch, response: z.object({ recordings: z.array(RecordingHit).nullable() }) },
  /** The recording of each call shown (null: none, or not one this viewer may hear), for the "Recording" links. */
  findCallRecordings: {
    request: z.object({ calls: z.array(z.union([CallRecordingLookup, WorkOrderRecordingLookup])).min(1).max(20) }).strict(),
    response: z.object({ recordings: z.array(RecordingHit.nullable()) }),
  },
  /** One byte range of a recording's audio, fetched by main with the team session (the token never leaves main). */
  getRecordingAudio: { request: RecordingAudioRequest, response: RecordingAudioChunk },

  // Reminders: callbacks promised and follow-ups planned, when they fall due; CSAT recorded at follow-up.
  listDueFollowUps: { request: Empty, response: z.object({ reminders: z.array(FollowUpReminder) }) },
  completeFollowUp: {
    request: z.object({ id: z.number().int().positive(), csat: Csat.optional() }).strict(),
    /** The CSAT as stored on the work order afterwards (read back), when one was given. */
    response: z.object({ workOrderId: z.string().nullable(), csat: Csat.nullable() }),
  },
} as const;

export const events = {
  softphoneStatusChanged: SoftphoneStatus,
  incomingCall: z.object({ call: Call, screenPop: ScreenPop }),
  callUpdated: Call,
  agentStateChanged: AgentState,
  followUpsDue: z.object({ reminders: z.array(FollowUpReminder) }),
  /** Offer/answer, DTMF, mute and close for the renderer's RTCPeerConnection (media lives in the renderer). */
  mediaCommand: MediaCommand,
  /** Team lead: one team member changed (presence or dialog state). */
  floorChanged: FloorMember,
  syncStatusChanged: SyncStatus,
  /** Work orders changed on other desktops arrived: lists and pops read again. */
  teamWorkChanged: z.object({ workOrders: z.array(z.string()) }),
  /** The team published other coach rules, dispositions or Not Ready reasons: ask for them again. */
  publishedListsChanged: z.object({ kinds: z.array(z.enum(['coachRule', 'disposition', 'notReadyReason'])) }),
} as const;

export type RequestChannel = keyof typeof requests;
export type EventChannel = keyof typeof events;
export type RequestOf<C extends RequestChannel> = z.input<(typeof requests)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.infer<(typeof requests)[C]['response']>;
export type EventOf<E extends EventChannel> = z.infer<(typeof events)[E]>;

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export function isRequestChannel(channel: unknown): channel is RequestChannel {
  return typeof channel === 'string' && Object.hasOwn(requests, channel);
}

export const ContractErrorCode = z.enum([
  'UNKNOWN_CHANNEL',
  'UNTRUSTED_SENDER',
  'INVALID_REQUEST',
  'NOT_FOUND',
  'UNAVAILABLE',
  'FAILED',
]);
export type ContractErrorCode = z.infer<typeof ContractErrorCode>;

export const ContractFailure = z.object({
  code: ContractErrorCode,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Names the renderer's message for this failure, so it is shown in the agent's language; message stays the English fallback. */
  key: z.string().max(100).optional(),
  /** The message's {placeholders}; values from outside (a dialled number) are data, capped here and again where shown. */
  params: z.record(z.string().max(50), z.union([z.string().max(200), z.number()])).optional(),
});
export type ContractFailure = z.infer<typeof ContractFailure>;

/** What every request returns over either host: a result or a failure, never a thrown string. */
export type Reply<T> = { ok: true; result: T } | { ok: false; error: ContractFailure };

/** Name of the subscription function for an event: incomingCall -> onIncomingCall. */
export type EventSubscriber<E extends EventChannel> = `on${Capitalize<E>}`;
export function subscriberName<E extends EventChannel>(event: E): EventSubscriber<E> {
  return `on${event[0]!.toUpperCase()}${event.slice(1)}` as EventSubscriber<E>;
}

/**
 * What a host bridge offers the renderer: one named function per request channel (returning a Reply) and one
 * named subscription per event. The Electron preload and the web shell's WebSocket bridge both implement it.
 */
export type BridgeApi = { [C in RequestChannel]: (request: RequestOf<C>) => Promise<Reply<ResponseOf<C>>> } & {
  [E in EventChannel as EventSubscriber<E>]: (listener: (payload: EventOf<E>) => void) => () => void;
};

/** A message key for the renderer and its parameters (see src-renderer/i18n/main-error-messages.ts). */
export type ErrorWords = { key: string; params?: Record<string, string | number> };

export class ContractError extends Error {
  readonly key?: string;
  readonly params?: Record<string, string | number>;
  constructor(
    readonly code: ContractErrorCode,
    message: string,
    readonly issues?: ContractFailure['issues'],
    words?: ErrorWords,
  ) {
    super(message);
    this.name = 'ContractError';
    if (words) {
      this.key = words.key;
      // Capped as they enter: a parameter may be a dialled number or a PBX's reason phrase.
      if (words.params) {
        this.params = Object.fromEntries(Object.entries(words.params).map(([k, v]) => [k, typeof v === 'string' ? v.slice(0, 200) : v]));
      }
    }
  }
  toFailure(): ContractFailure {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.key ? { key: this.key } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }
}

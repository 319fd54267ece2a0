import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../src-shared/contract';
import { ContractError } from '../../src-shared/contract';
import type { CountryCode } from '../../src-shared/phone';
import { Cache } from '../services/db/cache';
import { KbSuggestions } from '../services/kb/kb-suggestions';
import { WorkOrderFiling } from '../services/workorders/work-order-filing';
import { importFile, type ImportKind, type ImportResult } from '../services/importers/importer';
import { importInWorker } from '../services/importers/import-job';
import { ScreenPopService } from '../services/screen-pop/screen-pop';
import { CallRecorder } from '../services/contacts/call-recorder';
import { Softphone, type MediaFactory, type SoftphoneConfig } from '../services/softphone/softphone';
import { MediaBridge, RendererMediaHandler } from '../services/softphone/renderer-media';
import { FloorWatch } from '../services/floor/floor-watch';
import { AgentWorkflow } from './agent-workflow';
import type { AppConfig } from './config';
import { EventBus } from './event-bus';
import type { Logger } from './logger';
import { createRouter, type ContractRouter } from './router';
import { workspaceHandlers } from './workspace-handlers';
import { FollowUpReminders } from './follow-up-reminders';
import { memoryTokenStore, type RefreshTokenStore } from '../services/sync/team-client';
import { KnowledgeIndexMerge } from '../services/sync/knowledge-index-merge';
import { KnowledgePull } from '../services/sync/knowledge-pull';
import { PublishedListsRepo } from '../services/sync/published-lists-repo';
import { TeamLists } from '../services/sync/team-lists';
import type { TeamSync } from '../services/sync/team-sync';
import { TeamSession } from './team-session';
import { RecordingFinder } from '../services/recording/recording-finder';
import { customerDirectory } from '../services/recording/customer-directory';
import { AgentStateLog } from '../services/agent-state/agent-state-log';
import type { SyncDecision, SyncStatus } from '../../src-shared/domain/sync-status';
import { PhoneSettings } from './phone-settings';
import { SessionPasswordStore, type SipPasswordStore } from './sip-password-store';
import { LocalReports } from '../services/reports/local-reports';
import { openReportConnection } from '../services/reports/report-connection';
import type { Db } from '../services/db/database';
import { machineTimeZone } from '../services/reports/site-time';
import { ReportDesk } from './report-desk';
import { TeamReports } from '../services/sync/team-reports';

export interface AgentDesktopOptions {
  config: AppConfig;
  dataDir: string;
  host: AppInfo['host'];
  version: string;
  demo: boolean;
  /** The SIP password, read from the secret store by the host; never from a file. */
  sipPassword: string | null;
  /**
   * With a team section in config.json: the password for the first sign-in (used once, then forgotten) and where
   * the refresh token is kept (Electron safeStorage; the web shell's memory).
   */
  team?: { password: string | null; refreshTokens: RefreshTokenStore };
  /** Where a password entered in settings is kept: the keychain (Electron); by default this session's memory. */
  passwordStore?: SipPasswordStore;
  logger: Logger;
  /** The built import-worker.js; without it (unit tests) imports run on the calling thread. */
  importWorker: string | null;
  /**
   * Where call audio lives: 'renderer' (WebRTC in the workspace window, as both hosts run it) or 'plain' (a
   * plain-RTP description from main, for the CLI and Node-only tests).
   */
  media: 'renderer' | 'plain';
}

/** The composition root: builds every service from configuration. Both hosts and the CLI start here. */
/** The PBX's echo test (Asterisk's *43 convention); in the lab, any outside number reaches SIPp, which echoes. */
const ECHO_TEST_NUMBER = '*43';

export class AgentDesktop {
  readonly events: EventBus;
  readonly router: ContractRouter;
  readonly cache: Cache;
  readonly screenPop: ScreenPopService;
  readonly kbSuggestions: KbSuggestions;
  readonly workOrderFiling: WorkOrderFiling;
  readonly reminders: FollowUpReminders;
  /** "My day" from this cache; the team's reports once a team server source is set on it. */
  readonly reports: ReportDesk;
  private readonly reportDb: Db;
  softphone: Softphone | null = null;
  workflow: AgentWorkflow | null = null;
  private recorder: CallRecorder | null = null;
  /** Demo mode only: the switch that impairs the lab's own media path ("bad network"). */
  demoNetwork: { set(bad: boolean): boolean } | null = null;
  /** Media session → the call it carries, asked when the window reports the session's quality (capped). */
  private readonly mediaCalls = new Map<string, () => string | null>();
  readonly media = new MediaBridge((command) => this.events.emit('mediaCommand', command));
  /** The team lead's floor board (null for an agent). */
  floor: FloorWatch | null = null;
  /** The team-server session: from config.json or signed in from settings, switched without a restart. */
  readonly team: TeamSession;
  /** The team's published Not Ready reasons, dispositions and coach rules (the local ones without a team). */
  readonly teamLists: TeamLists;
  /** Call recordings on the team server, searched and fetched with its session. */
  private readonly recordings: RecordingFinder;

  /** Sync with the team server (null: this desktop works alone). */
  get teamSync(): TeamSync | null {
    return this.team.current;
  }

  readonly settings: PhoneSettings;
  /** As loaded at start, then as last saved from the settings screen. */
  private config: AppConfig;

  constructor(private readonly options: AgentDesktopOptions) {
    this.events = new EventBus(options.logger);
    this.config = options.config;
    this.settings = new PhoneSettings({
      dataDir: options.dataDir,
      passwords: options.passwordStore ?? new SessionPasswordStore(),
      initialPassword: options.sipPassword,
      editable: !options.demo,
      config: () => this.config,
      onCall: () => (this.softphone?.listCalls() ?? []).some((c) => c.state !== 'ended'),
      restartPhone: (config) => this.restartPhone(config),
      logger: options.logger,
    });
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const team = options.config.team;
    this.cache = new Cache(join(options.dataDir, 'cache.sqlite'), Date.now, { teamSync: team !== null });
    const worker = options.importWorker;
    // Pulled articles are searchable at once; folding them into the index keeps searches fast (in the worker).
    const merge = worker
      ? new KnowledgeIndexMerge(
          () => importInWorker(worker, { kind: 'kb-merge', dbPath: this.cache.path }).then(() => undefined),
          (err) => options.logger.warn('knowledge index could not be merged after a pull', { error: err.message }),
        )
      : null;
    this.teamLists = new TeamLists(new PublishedListsRepo(this.cache.db), () => Boolean(this.config.team));
    this.recordings = new RecordingFinder(() => this.teamSync?.teamClient ?? null, customerDirectory(this.cache.db));
    this.team = new TeamSession({
      cache: this.cache,
      dataDir: options.dataDir,
      tokens: options.team?.refreshTokens ?? memoryTokenStore(),
      sessionKept: options.host === 'electron' ? 'keychain' : 'session',
      editable: !options.demo && options.team !== undefined,
      config: () => this.config,
      teamChanged: (t) => {
        this.config = { ...this.config, team: t };
        // Signed in or out: the team's lists apply, or the local ones again.
        this.events.emit('publishedListsChanged', { kinds: ['coachRule', 'disposition', 'notReadyReason'] });
      },
      me: () => this.agentId(),
      knowledge: (client) => {
        const knowledge = new KnowledgePull(this.cache.db, this.cache.kb, this.cache.templates, client, options.logger);
        if (merge) knowledge.on('applied', ({ articles }) => articles.length > 0 && merge.request());
        // The menus and the coach read the lists again at once; the state machine reads them on each choice.
        knowledge.on('applied', ({ lists }) => lists.length > 0 && this.events.emit('publishedListsChanged', { kinds: lists }));
        return knowledge;
      },
      attach: (sync) => {
        sync.on('status', (status) => this.events.emit('syncStatusChanged', this.team.status() ?? status));
        sync.on('pulled', ({ workOrders }) => this.events.emit('teamWorkChanged', { workOrders }));
      },
      statusChanged: (status) => this.events.emit('syncStatusChanged', status),
      logger: options.logger,
    });
    this.screenPop = new ScreenPopService(this.cache, options.config.defaultRegion as CountryCode);
    this.kbSuggestions = new KbSuggestions(this.cache.kbSearch, this.cache.kb);
    this.workOrderFiling = new WorkOrderFiling(
      this.cache.workOrdersDb,
      this.cache.workOrders,
      this.cache.followUps,
      this.cache.workOrderDrafts,
      () => this.slaHours(),
      Date.now,
      this.cache.outbox,
      undefined,
      // Filed during the call, before its row is written: the queue it came in on, from the softphone.
      (callId) => {
        const call = this.softphone?.listCalls().find((c) => c.callId === callId);
        return call ? call.headers.queue : undefined;
      },
    );
    this.reminders = new FollowUpReminders(this.cache, this.events, () => this.agentId());
    this.reportDb = openReportConnection(this.cache.path);
    this.reports = new ReportDesk(
      new LocalReports({
        db: this.reportDb,
        me: () => ({ names: [...new Set([this.agentId(), this.config.pbx?.extension ?? this.agentId()])], display: this.agentId() }),
        settings: () => ({ timeZone: this.config.reports.timeZone ?? machineTimeZone(), targets: this.config.reports.targets }),
      }),
      // The session signed in now (from config.json or settings; switched without a restart).
      () => (this.teamSync ? new TeamReports(this.teamSync.teamClient) : null),
    );
    this.indexKnowledgeBase();
    this.router = createRouter(
      {
        getAppInfo: () => this.appInfo(),
        getSoftphoneStatus: () => this.phone().status,
        listCalls: () => ({ calls: this.phone().listCalls() }),
        getScreenPop: ({ callId }) => {
          const call = this.phone().listCalls().find((c) => c.callId === callId);
          if (!call) throw new ContractError('NOT_FOUND', `There is no call ${callId}; it may have ended.`, undefined, { key: 'mainError.call.gone' });
          return this.screenPop.lookup(call.remoteNumber, call.headers.customerId);
        },
        answerCall: ({ callId }) => this.phone().answer(callId),
        rejectCall: ({ callId, code }) => this.phone().reject(callId, code),
        hangUpCall: ({ callId }) => this.phone().hangUp(callId),
        holdCall: ({ callId, on }) => this.phone().hold(callId, on),
        pauseRecording: ({ callId, paused }) => this.phone().pauseRecording(callId, paused),
        muteCall: ({ callId, muted }) => this.phone().mute(callId, muted),
        sendDtmf: ({ callId, digits }) => this.phone().sendDtmf(callId, digits),
        transferCall: ({ callId, target }) => this.phone().blindTransfer(callId, target),
        consultCall: async ({ callId, target }) => {
          const phone = this.phone();
          const original = phone.listCalls().find((c) => c.callId === callId);
          // The customer waits on hold while the agent consults; hold confirmed before the second call.
          if (original && original.hold === 'off') await phone.hold(callId, true);
          return phone.dial(target, { consultFor: callId });
        },
        completeTransfer: ({ callId, consultCallId }) => this.phone().attendedTransfer(callId, consultCallId),
        // The recording notice in the customer's language when her record has one, else in the agent's.
        dial: ({ number, customerId, uiLocale }) =>
          this.phone().dial(number, {
            customerId: customerId ?? null,
            language: this.screenPop.languageOf(number, customerId ?? null) ?? uiLocale ?? this.config.uiLocale,
          }),
        getAgentState: () => ({ state: this.agentWork().agent.state, settings: this.agentWork().settings }),
        getTeamCoachRules: ({ locale }) => ({ rules: this.teamLists.coachRules(locale) }),
        setAgentState: (r) => (r.state === 'ready' ? this.agentWork().agent.setReady() : this.agentWork().agent.setNotReady(r.reasonCode)),
        extendAfterCallWork: () => this.agentWork().agent.extendAcw(),
        setDisposition: ({ callId, disposition }) => this.agentWork().setDisposition(callId, disposition),
        finishAfterCallWork: () => this.agentWork().agent.finishAcw(),
        setNextAgentState: ({ next }) => this.agentWork().setNextState(next),
        getReport: (request) => this.reports.get(request),
        getFloor: () => ({ settings: this.config.teamLead, members: this.floor?.board() ?? [] }),
        monitorAgent: async ({ extension, mode }) => {
          const lead = this.config.teamLead;
          if (!lead) throw new ContractError('UNAVAILABLE', 'Monitoring is for team leads: this desktop has no team configured.', undefined, {
            key: 'mainError.floor.notLead',
          });
          if (!lead.team.some((m) => m.extension === extension)) throw new ContractError('NOT_FOUND', `${extension} is not on your team.`, undefined, {
            key: 'mainError.floor.notOnTeam',
            params: { extension },
          });
          const call = await this.phone().dial(`${lead.monitorCodes[mode]}${extension}`, { customerId: null });
          this.workflow?.monitoringCalls.add(call.callId);
          return call;
        },
        getSettings: () => this.settings.view(),
        saveSettings: (update) => this.settings.save(update),
        mediaResult: (result) => {
          this.media.settle(result);
          return {};
        },
        reportLiveQuality: ({ level }) => {
          this.workflow?.setCallQuality(level);
          return {};
        },
        reportConnectionTest: ({ verdict }) => {
          this.workflow?.connectionTested(verdict);
          return {};
        },
        startConnectionTest: async () => {
          const call = await this.phone().dial(ECHO_TEST_NUMBER, { customerId: null });
          // Like a lead's monitoring call: no after-call work and no contacts row for a test.
          this.workflow?.monitoringCalls.add(call.callId);
          return call;
        },
        setDemoBadNetwork: ({ bad }) => {
          if (!this.demoNetwork) throw new ContractError('UNAVAILABLE', 'The bad-network switch exists only in demo mode.', undefined, { key: 'mainError.demo.only' });
          return { bad: this.demoNetwork.set(bad) };
        },
        reportCallQuality: ({ session, summary }) => {
          const callId = this.mediaCalls.get(session)?.() ?? null;
          if (callId) this.recorder?.qualityMeasured(callId, summary);
          else this.options.logger.warn('call quality for an unknown media session', { session });
          return {};
        },
        reportNetworkChange: () => {
          this.softphone?.reconnectNow('network-changed');
          return {};
        },
        // Knowledge panel, reply composer and complaint work orders.
        ...workspaceHandlers(this),
        listDueFollowUps: () => ({ reminders: this.reminders.due() }),
        getSyncStatus: () => this.syncStatus(),
        listSyncDecisions: () => ({ decisions: this.syncDecisions() }),
        getTeamDesktops: async () => {
          try {
            return { desktops: (await this.teamSync?.teamDesktops()) ?? null };
          } catch (err) {
            throw new ContractError('UNAVAILABLE', `The team server cannot say which desktops hold unsynced work now (${(err as Error).message}).`, undefined, {
              key: 'mainError.sync.serverUnsure',
            });
          }
        },
        listTeamMembers: async () => {
          try {
            return (await this.teamSync?.teamMembers()) ?? { members: null, queues: [] };
          } catch (err) {
            throw new ContractError('UNAVAILABLE', `The team server cannot say who is on the team now (${(err as Error).message}).`, undefined, {
              key: 'mainError.sync.serverUnsure',
            });
          }
        },
        searchRecordings: async (q) => ({ recordings: await this.recordings.search(q) }),
        getRecordingAudio: ({ id, offset, length }) => this.recordings.audio(id, offset, length),
        findCallRecordings: async ({ calls }) => ({ recordings: await this.recordings.forCalls(calls) }),
        getTeamSession: () => this.team.view(),
        signInTeam: (r) => this.team.signIn(r),
        signOutTeam: () => this.team.signOut(),
        acceptSyncDecision: ({ id }) => {
          this.cache.workOrdersDb.prepare('UPDATE sync_decisions SET decided_at = ? WHERE id = ? AND decided_at IS NULL').run(Date.now(), id);
          this.events.emit('syncStatusChanged', this.syncStatus());
          return {};
        },
        completeFollowUp: ({ id, csat }) => this.reminders.complete(id, csat),
      },
      options.logger,
    );
    this.reminders.start();
    if (team && options.team) this.team.start(options.team.password);
  }

  /**
   * Who the drafts and filed work orders belong to: the team-server user name when the desktop syncs (the name
   * the team knows her by), else the agent's extension (one agent per desktop).
   */
  agentId(): string {
    return this.config.team?.username ?? this.config.pbx?.extension ?? 'local';
  }

  /** The specialist queues this person serves, as the team server said at sign-in (none when alone). */
  myQueues(): string[] {
    return this.teamSync?.status().user?.queues ?? [];
  }

  syncStatus(): SyncStatus {
    return this.team.status() ?? { state: 'alone', waiting: 0, lastSyncedAt: null, decisions: 0, message: null, user: null };
  }

  private syncDecisions(): SyncDecision[] {
    const rows = this.cache.workOrdersDb
      .prepare<[], { id: number; outcome: 'conflict' | 'rejected'; mutation: string; reason: string; at: number }>(
        'SELECT id, outcome, mutation, reason, at FROM sync_decisions WHERE decided_at IS NULL ORDER BY id LIMIT 50',
      )
      .all();
    return rows.map((r) => {
      const m = JSON.parse(r.mutation) as { kind?: string; id?: string; workOrder?: { id: string } } | null;
      const uuid = m?.workOrder?.id ?? m?.id ?? null;
      const displayId = uuid ? this.cache.workOrdersDb.prepare<[string], { external_id: string }>('SELECT external_id FROM work_orders WHERE uuid = ?').get(uuid)?.external_id ?? null : null;
      return { id: r.id, outcome: r.outcome, kind: m?.kind ?? 'unknown', workOrderId: displayId, reason: r.reason, at: r.at };
    });
  }

  slaHours(): AppConfig['workOrders']['slaHours'] {
    return this.config.workOrders.slaHours;
  }

  /** Connects the softphone to the PBX. Without PBX settings or a password the app runs, showing why there is no phone. */
  async start(pbx: SoftphoneConfig | null = this.pbxFromConfig()): Promise<void> {
    if (!pbx) {
      this.options.logger.warn('softphone not configured: set pbx.server, pbx.extension and the SIP password');
      return;
    }
    const log = this.options.logger;
    const media: MediaFactory | undefined =
      this.options.media === 'renderer'
        ? (session) => {
            const handler = new RendererMediaHandler(this.media, log);
            this.mediaCalls.set(handler.session, () => phone.callIdOf(session));
            if (this.mediaCalls.size > 50) this.mediaCalls.delete(this.mediaCalls.keys().next().value!);
            return handler;
          }
        : undefined;
    const phone = new Softphone(pbx, log, Date.now, media);
    this.softphone = phone;
    phone.on('status', (status) => this.events.emit('softphoneStatusChanged', status));
    phone.on('incoming', (call) => {
      // The pop is looked up before the agent answers: the number and IVR headers are all it needs.
      const screenPop = this.screenPop.lookup(call.remoteNumber, call.headers.customerId);
      this.events.emit('incomingCall', { call, screenPop });
    });
    phone.on('call', (call) => this.events.emit('callUpdated', call));
    const recorder = new CallRecorder(
      this.cache.contacts,
      (call) => {
        const pop = this.screenPop.lookup(call.remoteNumber, call.headers.customerId);
        return { customerId: pop.kind === 'known' ? pop.customer.id : null, number: pop.number ?? call.remoteNumber };
      },
      pbx.extension,
    );
    this.recorder = recorder;
    this.workflow = new AgentWorkflow(phone, () => this.teamLists.agentSettings(this.config.agent), recorder, this.events, `sip:${pbx.extension}@${pbx.domain}`, this.options.logger);
    const stateLog = new AgentStateLog(this.cache.workOrdersDb, this.cache.outbox);
    this.workflow.agent.on('changed', (state) => stateLog.record(this.agentId(), state));
    try {
      await phone.start();
    } catch (err) {
      this.options.logger.error('softphone could not start', { error: (err as Error).message });
    }
    const lead = this.config.teamLead;
    if (lead) {
      const floor = new FloorWatch(phone.userAgent, lead.team, pbx.domain, log);
      this.floor = floor;
      floor.on('changed', (member) => this.events.emit('floorChanged', member));
      // Subscriptions ride on the registration: started once the phone is registered.
      void phone.waitUntilRegistered().then(() => (this.floor === floor ? floor.start() : undefined)).catch((err: Error) => log.warn('floor: not started', { error: err.message }));
    }
  }

  /** A knowledge base written before the search index existed is indexed again, off the main thread. */
  private indexKnowledgeBase(): void {
    if (!this.cache.kb.needsIndexing()) return;
    const log = this.options.logger;
    const worker = this.options.importWorker;
    const indexed = worker
      ? importInWorker(worker, { kind: 'kb-index', dbPath: this.cache.path }).then((r) => r.updated)
      : Promise.resolve(this.cache.kb.ensureIndexed());
    indexed.then(
      (articles) => log.info('knowledge base indexed for search', { articles }),
      (err: Error) => log.error('knowledge base could not be indexed', { error: err.message }),
    );
  }

  /** Bulk import off the main thread, so SIP signaling never waits on it. */
  async importData(kind: ImportKind, path: string): Promise<ImportResult> {
    const region = this.config.defaultRegion as CountryCode;
    const result = this.options.importWorker
      ? await importInWorker(this.options.importWorker, { dbPath: this.cache.path, kind, path, region })
      : importFile(this.cache, kind, path, { region });
    for (const r of result.rejected) this.options.logger.warn('import: row rejected', { ...r });
    return result;
  }

  /** The host saw the machine wake from sleep: the link may be dead though it looks up. */
  resumed(): void {
    this.softphone?.reconnectNow('resumed');
  }

  async stop(): Promise<void> {
    this.reminders.stop();
    // The web shell keeps its session in memory only, so closing it is signing out; Electron keeps hers.
    await this.team.stop(this.options.host === 'web');
    await this.stopPhone();
    this.media.dispose();
    this.reportDb.close();
    this.cache.close();
  }

  /** Settings were saved: the phone starts again with them, the app and its window stay up. */
  private async restartPhone(config: AppConfig): Promise<void> {
    this.config = config;
    await this.stopPhone();
    await this.start();
  }

  private async stopPhone(): Promise<void> {
    this.workflow?.dispose();
    this.workflow = null;
    // Unsubscribed first, or the PBX keeps sending NOTIFYs into a closing phone.
    await this.floor?.stop();
    this.floor = null;
    const phone = this.softphone;
    this.softphone = null;
    await phone?.stop().catch(() => undefined);
    // Its last word ('stopped') has been said; a replaced phone must not speak for the new one.
    phone?.removeAllListeners();
  }

  private pbxFromConfig(): SoftphoneConfig | null {
    const pbx = this.config.pbx;
    const password = this.settings.sipPassword;
    if (!pbx || !password) return null;
    return { ...pbx, displayName: pbx.displayName || pbx.extension, password };
  }

  private phone(): Softphone {
    if (!this.softphone) {
      throw new ContractError('UNAVAILABLE', 'The softphone is not configured: enter the PBX address, extension and password in settings.', undefined, {
        key: 'mainError.phone.notConfigured',
      });
    }
    return this.softphone;
  }

  private agentWork(): AgentWorkflow {
    if (!this.workflow) throw new ContractError('UNAVAILABLE', 'The softphone is not configured, so there is no agent state yet.', undefined, {
      key: 'mainError.phone.noAgentState',
    });
    return this.workflow;
  }

  private appInfo(): AppInfo {
    return {
      name: 'Agent Desktop',
      version: this.options.version,
      host: this.options.host,
      demo: this.options.demo,
      uiLocale: this.config.uiLocale,
      agent: {
        extension: this.softphone?.status.extension ?? this.config.pbx?.extension ?? '',
        displayName: this.config.pbx?.displayName ?? '',
      },
    };
  }
}

import { ContactsRepo } from '../contacts/contacts-repo';
import { CustomersRepo } from '../customers/customers-repo';
import { FollowUpsRepo } from '../followups/follow-ups-repo';
import { KbFeedbackRepo } from '../kb/kb-feedback-repo';
import { KbRepo } from '../kb/kb-repo';
import { KbSearch } from '../kb/kb-search';
import { TemplatesRepo } from '../replies/templates-repo';
import { WorkOrderDraftsRepo } from '../workorders/work-order-drafts-repo';
import { WorkOrdersRepo } from '../workorders/work-orders-repo';
import { Outbox, type SyncSwitch } from '../sync/outbox';
import { openDatabase, type Db } from './database';

/**
 * The local cache with its repositories. Work orders get their own connection with synchronous=FULL (an
 * acknowledged work order survives a power cut); the rest use WAL with synchronous=NORMAL (survives a crash).
 */
export class Cache {
  readonly db: Db;
  readonly workOrdersDb: Db;
  readonly customers: CustomersRepo;
  readonly contacts: ContactsRepo;
  readonly workOrders: WorkOrdersRepo;
  readonly kb: KbRepo;
  readonly kbSearch: KbSearch;
  readonly kbFeedback: KbFeedbackRepo;
  readonly templates: TemplatesRepo;
  readonly followUps: FollowUpsRepo;
  readonly workOrderDrafts: WorkOrderDraftsRepo;
  /** On when config.json has a team section: changes the team must see are queued for the team server. */
  readonly sync: SyncSwitch;
  /** The outbox on the FULL-sync connection (work orders, follow-ups) ... */
  readonly outbox: Outbox;
  /** ... and on the other one (call records), so each change and its entry share one transaction. */
  readonly callsOutbox: Outbox;

  constructor(
    readonly path: string,
    /** The clock records are stamped with (tests fix it). */
    readonly now: () => number = Date.now,
    options: { teamSync?: boolean } = {},
  ) {
    this.db = openDatabase(path);
    this.workOrdersDb = openDatabase(path, { synchronous: 'FULL' });
    this.sync = { enabled: options.teamSync ?? false };
    this.outbox = new Outbox(this.workOrdersDb, this.sync, now);
    this.callsOutbox = new Outbox(this.db, this.sync, now, this.outbox.writes);
    this.customers = new CustomersRepo(this.db, now);
    this.contacts = new ContactsRepo(this.db, this.callsOutbox);
    this.workOrders = new WorkOrdersRepo(this.workOrdersDb, now, this.outbox);
    this.kb = new KbRepo(this.db, now);
    this.kbSearch = new KbSearch(this.db);
    // Helped marks are written with their outbox entry on this connection (the calls' one).
    this.kbFeedback = new KbFeedbackRepo(this.db, now, this.callsOutbox);
    this.templates = new TemplatesRepo(this.db, now);
    // Promised callbacks are acknowledged writes like work orders: the FULL connection.
    this.followUps = new FollowUpsRepo(this.workOrdersDb, now, this.outbox);
    this.workOrderDrafts = new WorkOrderDraftsRepo(this.workOrdersDb, now);
  }

  close(): void {
    this.workOrdersDb.close();
    this.db.close();
  }
}

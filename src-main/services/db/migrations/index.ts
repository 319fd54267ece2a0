import type Database from 'better-sqlite3';
import * as customers from './0001-customers';
import * as cache from './0002-cache';
import * as workOrderDrafts from './0003-work-order-drafts';
import * as kbIndex from './0004-kb-index';
import * as teamSync from './0005-team-sync';
import * as outboxOwner from './0006-outbox-owner';
import * as callQuality from './0007-call-quality';
import * as publishedLists from './0008-published-lists';
import * as reportFigures from './0009-report-figures';
import * as contactPbxCall from './0010-contact-pbx-call';
import * as repeatCalls from './0011-repeat-calls';
import * as workOrderCallQueue from './0012-work-order-call-queue';
import * as reportCallbacks from './0013-report-callbacks';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

/** Grows only: the position of a migration is its schema version. Never edit or reorder a shipped one. */
export const migrations: Migration[] = [
  { name: '0001-customers', up: customers.up },
  { name: '0002-cache', up: cache.up },
  { name: '0003-work-order-drafts', up: workOrderDrafts.up },
  { name: '0004-kb-index', up: kbIndex.up },
  { name: '0005-team-sync', up: teamSync.up },
  { name: '0006-outbox-owner', up: outboxOwner.up },
  { name: '0007-call-quality', up: callQuality.up },
  { name: '0008-published-lists', up: publishedLists.up },
  { name: '0009-report-figures', up: reportFigures.up },
  { name: '0010-contact-pbx-call', up: contactPbxCall.up },
  { name: '0011-repeat-calls', up: repeatCalls.up },
  { name: '0012-work-order-call-queue', up: workOrderCallQueue.up },
  { name: '0013-report-callbacks', up: reportCallbacks.up },
];

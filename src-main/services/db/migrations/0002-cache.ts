import type Database from 'better-sqlite3';

/** The rest of the local cache: call history, knowledge base, replies, work orders, follow-ups, sync outbox. */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE customers ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';

    CREATE TABLE work_orders (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL UNIQUE,
      customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
      kind TEXT NOT NULL DEFAULT 'complaint' CHECK (kind IN ('complaint', 'request', 'inquiry')),
      complaint_type TEXT,
      severity TEXT NOT NULL DEFAULT 'ordinary' CHECK (severity IN ('ordinary', 'difficult', 'major')),
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
      reopened_count INTEGER NOT NULL DEFAULT 0,
      csat INTEGER CHECK (csat BETWEEN 1 AND 5),
      summary TEXT NOT NULL DEFAULT '',
      data TEXT NOT NULL DEFAULT '{}',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      due_at INTEGER
    ) STRICT;
    CREATE INDEX work_orders_by_customer ON work_orders(customer_id, created_at DESC);

    -- What happened to a work order, in order; never edited or deleted.
    CREATE TABLE work_order_events (
      id INTEGER PRIMARY KEY,
      work_order_id INTEGER NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      actor TEXT NOT NULL DEFAULT '',
      data TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX work_order_events_by_order ON work_order_events(work_order_id, id);
    CREATE TRIGGER work_order_events_no_update BEFORE UPDATE ON work_order_events
      BEGIN SELECT RAISE(ABORT, 'work_order_events is append-only'); END;
    CREATE TRIGGER work_order_events_no_delete BEFORE DELETE ON work_order_events
      WHEN (SELECT count(*) FROM work_orders WHERE id = OLD.work_order_id) > 0
      BEGIN SELECT RAISE(ABORT, 'work_order_events is append-only'); END;

    CREATE TABLE contacts (
      id INTEGER PRIMARY KEY,
      external_id TEXT UNIQUE,
      customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
      started_at INTEGER NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
      number TEXT NOT NULL DEFAULT '',
      queue TEXT,
      ivr_path TEXT,
      duration_s INTEGER NOT NULL DEFAULT 0,
      hold_s INTEGER NOT NULL DEFAULT 0,
      disposition TEXT,
      agent TEXT,
      transfer_target TEXT,
      work_order_id INTEGER REFERENCES work_orders(id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX contacts_by_customer ON contacts(customer_id, started_at DESC);
    CREATE INDEX contacts_by_number ON contacts(number, started_at DESC);

    CREATE TABLE kb_articles (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL UNIQUE,
      locale TEXT NOT NULL CHECK (locale IN ('zh-CN', 'zh-TW', 'th', 'en')),
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      tags TEXT NOT NULL DEFAULT '[]',
      category TEXT,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX kb_articles_by_locale ON kb_articles(locale);
    -- Words as Intl.Segmenter found them (the app segments; unicode61 only splits on the spaces it put there),
    -- and the locale as a token so a search ranks only its own language's articles.
    CREATE VIRTUAL TABLE kb_fts USING fts5(title, body, tags, locale, content='', contentless_delete=1, prefix='1 2',
      tokenize='unicode61 remove_diacritics 2');
    INSERT INTO kb_fts (kb_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0, 3.0, 0.0)');
    -- How many articles hold each word: the search leaves out words that are in most of them.
    CREATE VIRTUAL TABLE kb_vocab USING fts5vocab(kb_fts, 'row');
    CREATE TABLE kb_feedback (
      id INTEGER PRIMARY KEY,
      article_id INTEGER NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
      contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      helped INTEGER NOT NULL CHECK (helped IN (0, 1)),
      at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE reply_templates (
      id INTEGER PRIMARY KEY,
      external_id TEXT NOT NULL,
      locale TEXT NOT NULL CHECK (locale IN ('zh-CN', 'zh-TW', 'th', 'en')),
      scenario TEXT NOT NULL,
      title TEXT NOT NULL,
      shortcut TEXT,
      data TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (external_id, locale)
    ) STRICT;

    CREATE TABLE follow_ups (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('callback', 'follow-up')),
      customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
      work_order_id INTEGER REFERENCES work_orders(id) ON DELETE SET NULL,
      number TEXT,
      due_at INTEGER NOT NULL,
      window_end INTEGER,
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled')),
      created_at INTEGER NOT NULL,
      done_at INTEGER
    ) STRICT;
    CREATE INDEX follow_ups_pending_by_due ON follow_ups(due_at) WHERE status = 'pending';

    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY,
      topic TEXT NOT NULL,
      payload TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE agent_state_log (
      id INTEGER PRIMARY KEY,
      agent TEXT NOT NULL,
      state TEXT NOT NULL,
      reason TEXT,
      at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX agent_state_log_by_agent ON agent_state_log(agent, at);
  `);
}

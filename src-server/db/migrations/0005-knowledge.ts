/**
 * Shared knowledge: what team leads and admins publish, and the "article helped" marks that come back. Every
 * publish and retirement takes the next position of one knowledge feed (a single row, locked until its
 * transaction commits, so positions are handed out in commit order): a desktop pulls what changed after its
 * cursor, a retired record included (retired, kept, so the retirement itself is a change a desktop can pull).
 */
export const sql = `
  CREATE TABLE knowledge_feed (
    id integer PRIMARY KEY CHECK (id = 1),
    seq bigint NOT NULL DEFAULT 0 CHECK (seq >= 0)
  );
  INSERT INTO knowledge_feed (id) VALUES (1);

  CREATE TABLE kb_articles (
    id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
    locale text NOT NULL CHECK (locale IN ('zh-CN', 'zh-TW', 'th', 'en')),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 200000),
    tags jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array' AND jsonb_array_length(tags) <= 50),
    category text CHECK (length(category) <= 100),
    retired boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    seq bigint NOT NULL UNIQUE CHECK (seq > 0),
    published_by integer REFERENCES users(id),
    published_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX kb_articles_by_locale ON kb_articles(locale) WHERE NOT retired;

  -- Templates and coach rules per (id, locale); dispositions and Not Ready reasons by code (locale '').
  CREATE TABLE published_items (
    kind text NOT NULL CHECK (kind IN ('template', 'coachRule', 'disposition', 'notReadyReason')),
    id text NOT NULL CHECK (length(id) BETWEEN 1 AND 100),
    locale text NOT NULL DEFAULT '' CHECK (locale IN ('', 'zh-CN', 'zh-TW', 'th', 'en')),
    data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object' AND length(data::text) <= 100000),
    retired boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    seq bigint NOT NULL UNIQUE CHECK (seq > 0),
    published_by integer REFERENCES users(id),
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id, locale),
    CHECK ((kind IN ('disposition', 'notReadyReason')) = (locale = ''))
  );

  -- One row per mark, under the id the desktop made for it: a mark pushed twice is stored once.
  CREATE TABLE kb_helped (
    id uuid PRIMARY KEY,
    article_id text NOT NULL CHECK (length(article_id) BETWEEN 1 AND 100),
    user_id integer NOT NULL REFERENCES users(id),
    team_id integer REFERENCES teams(id),
    contact_id uuid,
    helped boolean NOT NULL,
    at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX kb_helped_by_article ON kb_helped(article_id, at);
`;

/**
 * The team's work: work orders with their append-only history, follow-ups and callbacks, call records, and
 * each desktop's last applied mutation. Every row carries the team feed sequence of its last change.
 */
export const sql = `
  CREATE TABLE sync_clients (
    client_id uuid PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    last_push timestamptz
  );
  -- Mutations that can never apply, kept for the person and the administrator to see.
  CREATE TABLE rejected_mutations (
    client_id uuid NOT NULL REFERENCES sync_clients(client_id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    key uuid NOT NULL,
    reason text NOT NULL,
    body jsonb NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (client_id, seq)
  );
  CREATE TABLE work_orders (
    id uuid PRIMARY KEY,
    display_id text NOT NULL CHECK (length(display_id) BETWEEN 1 AND 40),
    team_id integer NOT NULL REFERENCES teams(id),
    customer jsonb NOT NULL,
    complaint_type text CHECK (length(complaint_type) <= 64),
    severity text NOT NULL CHECK (severity IN ('ordinary', 'difficult', 'major')),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    route text NOT NULL CHECK (route IN ('first-contact', 'specialist', 'complaints-lead')),
    queue text CHECK (length(queue) <= 64),
    assignee_id integer REFERENCES users(id),
    created_by integer NOT NULL REFERENCES users(id),
    summary text NOT NULL CHECK (length(summary) <= 200),
    details jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    due_at timestamptz NOT NULL,
    reopened_count integer NOT NULL DEFAULT 0 CHECK (reopened_count >= 0),
    csat smallint CHECK (csat BETWEEN 1 AND 5),
    version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
    feed_seq bigint NOT NULL
  );
  CREATE INDEX work_orders_by_team_feed ON work_orders(team_id, feed_seq);
  CREATE INDEX work_orders_open_by_queue ON work_orders(team_id, queue, due_at) WHERE status IN ('open', 'in_progress');
  CREATE INDEX work_orders_by_customer ON work_orders((customer->>'externalId'), created_at DESC);

  CREATE TABLE work_order_events (
    id bigserial PRIMARY KEY,
    work_order_id uuid NOT NULL REFERENCES work_orders(id),
    team_id integer NOT NULL REFERENCES teams(id),
    at timestamptz NOT NULL DEFAULT now(),
    kind text NOT NULL CHECK (length(kind) <= 40),
    actor text NOT NULL,
    data jsonb NOT NULL DEFAULT '{}',
    feed_seq bigint NOT NULL
  );
  CREATE INDEX work_order_events_by_order ON work_order_events(work_order_id, id);
  CREATE INDEX work_order_events_by_team_feed ON work_order_events(team_id, feed_seq);
  CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
  CREATE TRIGGER work_order_events_append_only BEFORE UPDATE OR DELETE ON work_order_events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

  CREATE TABLE follow_ups (
    id uuid PRIMARY KEY,
    team_id integer NOT NULL REFERENCES teams(id),
    work_order_id uuid REFERENCES work_orders(id),
    kind text NOT NULL CHECK (kind IN ('callback', 'follow-up')),
    owner_id integer NOT NULL REFERENCES users(id),
    queue text NOT NULL DEFAULT 'owner' CHECK (queue IN ('owner', 'team')),
    number text CHECK (length(number) <= 40),
    due_at timestamptz NOT NULL,
    window_end timestamptz,
    note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled')),
    csat smallint CHECK (csat BETWEEN 1 AND 5),
    done_at timestamptz,
    done_by integer REFERENCES users(id),
    version integer NOT NULL DEFAULT 1,
    feed_seq bigint NOT NULL
  );
  CREATE INDEX follow_ups_by_team_feed ON follow_ups(team_id, feed_seq);
  CREATE INDEX follow_ups_pending_by_due ON follow_ups(due_at) WHERE status = 'pending' AND queue = 'owner';

  CREATE TABLE contacts (
    id uuid PRIMARY KEY,
    team_id integer NOT NULL REFERENCES teams(id),
    agent_id integer NOT NULL REFERENCES users(id),
    started_at timestamptz NOT NULL,
    direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    customer jsonb NOT NULL,
    queue text CHECK (length(queue) <= 64),
    duration_s integer NOT NULL CHECK (duration_s >= 0),
    hold_s integer NOT NULL CHECK (hold_s >= 0),
    disposition text CHECK (length(disposition) <= 64),
    feed_seq bigint NOT NULL
  );
  CREATE INDEX contacts_by_team_feed ON contacts(team_id, feed_seq);

  CREATE TABLE agent_states (
    id bigserial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id),
    state text NOT NULL CHECK (state IN ('ready', 'not-ready', 'after-call-work', 'offline')),
    reason text CHECK (length(reason) <= 64),
    at timestamptz NOT NULL
  );
  CREATE INDEX agent_states_by_user ON agent_states(user_id, at);

  -- The team's change feed: which row changed at which sequence. Pulls read it in order.
  CREATE TABLE feed (
    team_id integer NOT NULL REFERENCES teams(id),
    seq bigint NOT NULL,
    entity text NOT NULL CHECK (entity IN ('workOrder', 'workOrderEvent', 'followUp', 'contact')),
    entity_id text NOT NULL,
    PRIMARY KEY (team_id, seq)
  );
`;

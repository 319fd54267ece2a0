/** Teams, people and their sign-in: roles, hashed passwords, refresh tokens, failed sign-ins (rate limit). */
export const sql = `
  CREATE TABLE teams (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    -- The team's change feed: incremented under this row's lock, so sequence order is commit order.
    feed_seq bigint NOT NULL DEFAULT 0
  );
  CREATE TABLE users (
    id serial PRIMARY KEY,
    username text NOT NULL UNIQUE CHECK (username ~ '^[0-9A-Za-z_.-]{1,64}$'),
    display_name text NOT NULL DEFAULT '' CHECK (length(display_name) <= 100),
    role text NOT NULL CHECK (role IN ('agent', 'specialist', 'lead', 'admin')),
    team_id integer REFERENCES teams(id),
    password_hash text NOT NULL,
    disabled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (role = 'admin' OR team_id IS NOT NULL)
  );
  -- The specialist queues a person serves (a specialist may serve several of her team's queues).
  CREATE TABLE user_queues (
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    queue text NOT NULL CHECK (length(queue) BETWEEN 1 AND 64),
    PRIMARY KEY (user_id, queue)
  );
  CREATE TABLE refresh_tokens (
    id bigserial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash text NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
  );
  CREATE INDEX refresh_tokens_by_user ON refresh_tokens(user_id) WHERE revoked_at IS NULL;
  CREATE TABLE login_failures (
    id bigserial PRIMARY KEY,
    username text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX login_failures_by_user ON login_failures(username, at);
  CREATE TABLE sign_ins (
    user_id integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    signed_in boolean NOT NULL,
    last_seen timestamptz NOT NULL DEFAULT now()
  );
`;

/**
 * Call recordings the PBX hands over: one row per call (the audio file is on disk, named by the row's id), and
 * the log of every playback, kept after a recording is deleted (no foreign key: the audit outlives the audio).
 */
export const sql = `
  CREATE TABLE recordings (
    id uuid PRIMARY KEY,
    team_id integer NOT NULL REFERENCES teams(id),
    agent_id integer NOT NULL REFERENCES users(id),
    direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    customer_number text NOT NULL CHECK (length(customer_number) <= 64),
    call_id text NOT NULL UNIQUE CHECK (length(call_id) BETWEEN 1 AND 256),
    queue text CHECK (queue IS NULL OR length(queue) BETWEEN 1 AND 64),
    started_at timestamptz NOT NULL,
    seconds numeric(9, 2) NOT NULL CHECK (seconds >= 0),
    paused_spans jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(paused_spans) = 'array'),
    bytes bigint NOT NULL CHECK (bytes > 44),
    retain_until timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX recordings_by_team_time ON recordings(team_id, started_at DESC);
  CREATE INDEX recordings_by_customer ON recordings(team_id, customer_number, started_at DESC);
  CREATE INDEX recordings_by_agent ON recordings(agent_id, started_at DESC);
  CREATE INDEX recordings_due ON recordings(retain_until);
  CREATE TABLE recording_playbacks (
    id bigserial PRIMARY KEY,
    recording_id uuid NOT NULL,
    user_id integer NOT NULL REFERENCES users(id),
    at timestamptz NOT NULL DEFAULT now(),
    byte_range text CHECK (byte_range IS NULL OR length(byte_range) <= 64)
  );
  CREATE INDEX recording_playbacks_by_recording ON recording_playbacks(recording_id, at);
`;

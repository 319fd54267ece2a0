/**
 * Part of migration 0009-report-figures: the call rollups a year-long report reads instead of the calls.
 *
 * report_call_days holds, per team, agent, queue and day (in the team's zone), the sums of the inbound calls
 * (offered, handled, handle, after-call work and hold seconds) and, for first-call resolution, how many handled
 * calls with a known customer there were and `repeat_within[w]`: how many of them had that customer call in again
 * within w days (w = 1–30, cumulative, so any window is one array element). report_call_hours holds the same per
 * hour of day. Both are kept by triggers as calls arrive (AFTER INSERT) and as a later call makes an earlier one a
 * repeat (AFTER UPDATE OF next_inbound_at), and rebuilt set-based for a team by report_rollups_rebuild(team) after
 * a bulk load or when the team's time zone changes. A team's year is ~11,000 day rows instead of ~250,000 calls.
 */
const WINDOWS = Array.from({ length: 30 }, (_, i) => i + 1);
const measures = `offered integer NOT NULL DEFAULT 0, handled integer NOT NULL DEFAULT 0, handle_s bigint NOT NULL DEFAULT 0,
    acw_s bigint NOT NULL DEFAULT 0, hold_s bigint NOT NULL DEFAULT 0, fcr_known integer NOT NULL DEFAULT 0,
    repeat_within integer[] NOT NULL DEFAULT array_fill(0, ARRAY[30])`;

/** Per call: its day and hour in the team's zone and the days until its customer's next inbound call. */
const callFacts = (where: string) => `
  SELECT c.team_id, c.agent_id, coalesce(c.queue, '') AS queue, (c.started_at AT TIME ZONE t.time_zone)::date AS day,
         extract(hour FROM c.started_at AT TIME ZONE t.time_zone)::int AS hour, c.answered, c.duration_s, c.acw_s, c.hold_s,
         c.answered AND c.customer_key IS NOT NULL AS known,
         CASE WHEN c.answered AND c.customer_key IS NOT NULL THEN
           (c.next_inbound_at AT TIME ZONE t.time_zone)::date - (c.started_at AT TIME ZONE t.time_zone)::date END AS gap
    FROM contacts c JOIN teams t ON t.id = c.team_id
   WHERE c.direction = 'inbound' AND ${where}`;

const sums = `count(*)::int, (count(*) FILTER (WHERE answered))::int, coalesce(sum(duration_s + acw_s) FILTER (WHERE answered), 0),
  coalesce(sum(acw_s) FILTER (WHERE answered), 0), coalesce(sum(hold_s) FILTER (WHERE answered), 0), (count(*) FILTER (WHERE known))::int,
  ARRAY[${WINDOWS.map((w) => `(count(*) FILTER (WHERE gap <= ${w}))::int`).join(', ')}]`;

export const sql = `
  CREATE TABLE report_call_days (
    team_id integer NOT NULL REFERENCES teams(id), agent_id integer NOT NULL REFERENCES users(id), queue text NOT NULL, day date NOT NULL,
    ${measures},
    PRIMARY KEY (team_id, day, agent_id, queue)
  );
  CREATE INDEX report_call_days_by_agent ON report_call_days (agent_id, day);
  CREATE TABLE report_call_hours (
    team_id integer NOT NULL REFERENCES teams(id), agent_id integer NOT NULL REFERENCES users(id), queue text NOT NULL, day date NOT NULL,
    hour smallint NOT NULL CHECK (hour BETWEEN 0 AND 23),
    ${measures},
    PRIMARY KEY (team_id, day, agent_id, queue, hour)
  );
  CREATE INDEX report_call_hours_by_agent ON report_call_hours (agent_id, day);

  -- 1 for every window of w days (1–30) that a gap of g days falls within (a repeat on day N+w counts for w).
  CREATE FUNCTION report_repeat_vector(g integer) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(CASE WHEN g IS NOT NULL AND g <= w THEN 1 ELSE 0 END ORDER BY w) FROM generate_series(1, 30) w
  $$;
  CREATE FUNCTION report_vector_add(a integer[], b integer[]) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS v(x, y, i)
  $$;

  -- One call into both rollups (sign 1) or out of them (sign -1, its repeat vector only: see the update trigger).
  CREATE FUNCTION report_rollup_call(c contacts, sign integer, only_repeats boolean) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      tz text := (SELECT time_zone FROM teams WHERE id = c.team_id);
      d date := (c.started_at AT TIME ZONE tz)::date;
      h integer := extract(hour FROM c.started_at AT TIME ZONE tz)::int;
      known boolean := c.answered AND c.customer_key IS NOT NULL;
      gap integer := (c.next_inbound_at AT TIME ZONE tz)::date - d;
      vec integer[] := (SELECT array_agg(x * sign ORDER BY i) FROM unnest(report_repeat_vector(CASE WHEN known THEN gap END)) WITH ORDINALITY AS v(x, i));
      q text := coalesce(c.queue, '');
    BEGIN
      IF only_repeats THEN
        IF NOT known THEN RETURN; END IF;
        UPDATE report_call_days SET repeat_within = report_vector_add(repeat_within, vec) WHERE team_id = c.team_id AND day = d AND agent_id = c.agent_id AND queue = q;
        UPDATE report_call_hours SET repeat_within = report_vector_add(repeat_within, vec) WHERE team_id = c.team_id AND day = d AND agent_id = c.agent_id AND queue = q AND hour = h;
        RETURN;
      END IF;
      INSERT INTO report_call_days AS r (team_id, agent_id, queue, day, offered, handled, handle_s, acw_s, hold_s, fcr_known, repeat_within)
        VALUES (c.team_id, c.agent_id, q, d, 1, c.answered::int, CASE WHEN c.answered THEN c.duration_s + c.acw_s ELSE 0 END,
                CASE WHEN c.answered THEN c.acw_s ELSE 0 END, CASE WHEN c.answered THEN c.hold_s ELSE 0 END, known::int, vec)
        ON CONFLICT (team_id, day, agent_id, queue) DO UPDATE SET offered = r.offered + 1, handled = r.handled + excluded.handled,
          handle_s = r.handle_s + excluded.handle_s, acw_s = r.acw_s + excluded.acw_s, hold_s = r.hold_s + excluded.hold_s,
          fcr_known = r.fcr_known + excluded.fcr_known, repeat_within = report_vector_add(r.repeat_within, excluded.repeat_within);
      INSERT INTO report_call_hours AS r (team_id, agent_id, queue, day, hour, offered, handled, handle_s, acw_s, hold_s, fcr_known, repeat_within)
        VALUES (c.team_id, c.agent_id, q, d, h, 1, c.answered::int, CASE WHEN c.answered THEN c.duration_s + c.acw_s ELSE 0 END,
                CASE WHEN c.answered THEN c.acw_s ELSE 0 END, CASE WHEN c.answered THEN c.hold_s ELSE 0 END, known::int, vec)
        ON CONFLICT (team_id, day, agent_id, queue, hour) DO UPDATE SET offered = r.offered + 1, handled = r.handled + excluded.handled,
          handle_s = r.handle_s + excluded.handle_s, acw_s = r.acw_s + excluded.acw_s, hold_s = r.hold_s + excluded.hold_s,
          fcr_known = r.fcr_known + excluded.fcr_known, repeat_within = report_vector_add(r.repeat_within, excluded.repeat_within);
    END $$;

  CREATE FUNCTION contacts_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.direction = 'inbound' THEN PERFORM report_rollup_call(NEW, 1, false); END IF;
      RETURN NULL;
    END $$;
  CREATE TRIGGER contacts_rollup_insert AFTER INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION contacts_rollup_insert();
  -- A later call made this one a repeat (or a sooner one): its old repeat vector out, the new one in.
  CREATE FUNCTION contacts_rollup_relink() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.direction = 'inbound' AND OLD.next_inbound_at IS DISTINCT FROM NEW.next_inbound_at THEN
        PERFORM report_rollup_call(OLD, -1, true);
        PERFORM report_rollup_call(NEW, 1, true);
      END IF;
      RETURN NULL;
    END $$;
  CREATE TRIGGER contacts_rollup_relink AFTER UPDATE OF next_inbound_at ON contacts FOR EACH ROW EXECUTE FUNCTION contacts_rollup_relink();

  -- A team's rollups from its calls, set-based: after a bulk load (triggers off) or a change of the team's zone.
  CREATE FUNCTION report_rollups_rebuild(team integer) RETURNS void LANGUAGE sql AS $$
    DELETE FROM report_call_days WHERE team_id = team;
    DELETE FROM report_call_hours WHERE team_id = team;
    INSERT INTO report_call_days (team_id, agent_id, queue, day, offered, handled, handle_s, acw_s, hold_s, fcr_known, repeat_within)
      SELECT team_id, agent_id, queue, day, ${sums} FROM (${callFacts('c.team_id = team')}) f GROUP BY team_id, agent_id, queue, day;
    INSERT INTO report_call_hours (team_id, agent_id, queue, day, hour, offered, handled, handle_s, acw_s, hold_s, fcr_known, repeat_within)
      SELECT team_id, agent_id, queue, day, hour, ${sums} FROM (${callFacts('c.team_id = team')}) f GROUP BY team_id, agent_id, queue, day, hour;
  $$;
  SELECT report_rollups_rebuild(id) FROM teams;

  -- When a work order was first resolved or closed (its SLA), kept as its status events arrive.
  ALTER TABLE work_orders ADD COLUMN first_resolved_at timestamptz;
  -- Covering what the report reads of a team's work orders, so a year of them is read from the index alone.
  CREATE INDEX work_orders_for_team_reports ON work_orders (team_id, created_at)
    INCLUDE (id, display_id, created_by, route, due_at, first_resolved_at, csat, complaint_type);
  CREATE FUNCTION work_orders_note_resolution() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.kind IN ('status', 'reopened') AND NEW.data->>'status' IN ('resolved', 'closed') THEN
        UPDATE work_orders SET first_resolved_at = least(coalesce(first_resolved_at, NEW.at), NEW.at) WHERE id = NEW.work_order_id;
      END IF;
      RETURN NULL;
    END $$;
  CREATE TRIGGER work_order_events_note_resolution AFTER INSERT ON work_order_events FOR EACH ROW EXECUTE FUNCTION work_orders_note_resolution();
  UPDATE work_orders w SET first_resolved_at = e.at FROM (
    SELECT work_order_id, min(at) AS at FROM work_order_events
     WHERE kind IN ('status', 'reopened') AND data->>'status' IN ('resolved', 'closed') GROUP BY work_order_id) e
   WHERE w.id = e.work_order_id;
`;

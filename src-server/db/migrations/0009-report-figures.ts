import { ReportMetricIds } from '../../../src-shared/reports/report-contract';

/**
 * What the reports need beyond the call and work-order rows the desktops push:
 * - each call's after-call work and whether it was answered (pushed by desktops from now on; older rows: 0 s and
 *   answered, as every call pushed before was an answered one);
 * - who the customer is (the CRM id, else the number) and when that customer next called in: kept on the row by
 *   a trigger as calls arrive (in any order), so first-call resolution for any window of days is one comparison
 *   per call instead of a search for a later call;
 * - the team's site time zone (an IANA name; days and hours of the reports are counted in it);
 * - targets per team and metric, with the defaults an experienced team lead would set, given to every team (the
 *   values of DEFAULT_REPORT_TARGETS in src-shared as this migration was written: a migration never changes).
 * Indexes cover what a report reads, so its scans of a team's or an agent's calls are index-only.
 */
export const DEFAULT_TARGETS: Partial<Record<(typeof ReportMetricIds)[number], number>> = {
  // Handle time about 6 minutes with under a minute of wrap-up and half a minute on hold.
  ahtSeconds: 360,
  acwSeconds: 60,
  holdSeconds: 30,
  // Three in four callers resolved on the first call; CSAT 4.2 of 5 with 80 % of scores 4–5.
  fcrRate: 0.75,
  csatAverage: 4.2,
  csatTopShare: 0.8,
  // Every low score followed up; at most one complaint in ten escalated; every deadline kept.
  lowCsatOpen: 0,
  escalationRate: 0.1,
  slaBreached: 0,
};

const targetRows = (team: string) =>
  Object.entries(DEFAULT_TARGETS).map(([metric, value]) => `(${team}, '${metric}', ${value})`).join(', ');

export const sql = `
  ALTER TABLE contacts ADD COLUMN acw_s integer NOT NULL DEFAULT 0 CHECK (acw_s >= 0);
  ALTER TABLE contacts ADD COLUMN answered boolean NOT NULL DEFAULT true;
  ALTER TABLE contacts ADD COLUMN customer_key text
    GENERATED ALWAYS AS (coalesce(nullif(customer->>'externalId', ''), nullif(customer->>'number', ''))) STORED;
  ALTER TABLE contacts ADD COLUMN next_inbound_at timestamptz;

  ALTER TABLE teams ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC' CHECK (length(time_zone) BETWEEN 1 AND 64);

  CREATE TABLE report_targets (
    team_id integer NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    metric text NOT NULL CHECK (metric IN (${ReportMetricIds.map((m) => `'${m}'`).join(', ')})),
    value double precision NOT NULL,
    set_by integer REFERENCES users(id),
    set_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, metric)
  );
  INSERT INTO report_targets (team_id, metric, value) SELECT t.id, d.metric, d.value FROM teams t, (VALUES ${targetRows('0')}) AS d(x, metric, value);
  CREATE FUNCTION report_default_targets() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO report_targets (team_id, metric, value) VALUES ${targetRows('NEW.id')};
      RETURN NEW;
    END $$;
  CREATE TRIGGER teams_get_default_targets AFTER INSERT ON teams FOR EACH ROW EXECUTE FUNCTION report_default_targets();

  -- A report reads a team's (or an agent's) calls of a period: these cover every column it needs.
  CREATE INDEX contacts_for_team_reports ON contacts (team_id, started_at)
    INCLUDE (agent_id, queue, direction, answered, duration_s, hold_s, acw_s, customer_key, next_inbound_at);
  CREATE INDEX contacts_for_agent_reports ON contacts (agent_id, started_at)
    INCLUDE (team_id, queue, direction, answered, duration_s, hold_s, acw_s, customer_key, next_inbound_at);
  CREATE INDEX contacts_inbound_by_customer ON contacts (customer_key, started_at) WHERE direction = 'inbound' AND customer_key IS NOT NULL;

  -- A call from a customer: it learns when she next called in (a call pushed late may fall between two), and
  -- her previous call learns of this one when it is sooner than what it knew.
  CREATE FUNCTION contacts_link_repeat() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      -- The generated customer_key is not computed yet in a BEFORE trigger: the same expression, here.
      k text := coalesce(nullif(NEW.customer->>'externalId', ''), nullif(NEW.customer->>'number', ''));
    BEGIN
      IF NEW.direction <> 'inbound' OR k IS NULL THEN RETURN NEW; END IF;
      -- Two calls of one customer pushed at once by two desktops would each miss the other: one at a time.
      PERFORM pg_advisory_xact_lock(7201013, hashtext(k));
      NEW.next_inbound_at := (SELECT min(started_at) FROM contacts
        WHERE direction = 'inbound' AND customer_key = k AND started_at > NEW.started_at);
      UPDATE contacts SET next_inbound_at = NEW.started_at
        WHERE id = (SELECT id FROM contacts WHERE direction = 'inbound' AND customer_key = k AND started_at < NEW.started_at
                    ORDER BY started_at DESC LIMIT 1)
          AND (next_inbound_at IS NULL OR next_inbound_at > NEW.started_at);
      RETURN NEW;
    END $$;
  CREATE TRIGGER contacts_link_repeat BEFORE INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION contacts_link_repeat();
  -- The same, set-based, for a bulk load made with the trigger off (the bench's and the demo's year of history).
  CREATE FUNCTION contacts_relink_repeats() RETURNS void LANGUAGE sql AS $$
    UPDATE contacts c SET next_inbound_at = n.next_at
      FROM (SELECT id, lead(started_at) OVER (PARTITION BY customer_key ORDER BY started_at) AS next_at
              FROM contacts WHERE direction = 'inbound' AND customer_key IS NOT NULL) n
     WHERE c.id = n.id AND c.next_inbound_at IS DISTINCT FROM n.next_at;
  $$;
  -- Calls from before this migration: linked now, before the rollups are built from them.
  SELECT contacts_relink_repeats();

  CREATE INDEX work_orders_for_agent_reports ON work_orders (created_by, created_at);
  CREATE INDEX follow_ups_by_work_order ON follow_ups (work_order_id) WHERE work_order_id IS NOT NULL;
  CREATE INDEX follow_ups_for_team_reports ON follow_ups (team_id, due_at);
  CREATE INDEX follow_ups_for_agent_reports ON follow_ups (owner_id, due_at);
  CREATE INDEX follow_ups_scores_by_work_order ON follow_ups (work_order_id) INCLUDE (csat, done_at) WHERE csat IS NOT NULL;
  CREATE INDEX kb_helped_for_team_reports ON kb_helped (team_id, at);
  CREATE INDEX kb_helped_for_agent_reports ON kb_helped (user_id, at);
`;

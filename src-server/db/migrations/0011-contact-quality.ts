/**
 * Call quality on the team's call records (issue #14): the summary the agent's window measured, as the desktop
 * keeps it on its own contacts row. NULL for calls with nothing measured and from desktops that send none.
 */
export const sql = `
  ALTER TABLE contacts
    ADD COLUMN quality_avg_mos real CHECK (quality_avg_mos BETWEEN 1 AND 4.5),
    ADD COLUMN quality_worst_mos real CHECK (quality_worst_mos BETWEEN 1 AND 4.5),
    ADD COLUMN quality_worst_jitter_ms real CHECK (quality_worst_jitter_ms >= 0),
    ADD COLUMN quality_worst_loss_pct real CHECK (quality_worst_loss_pct BETWEEN 0 AND 100),
    ADD COLUMN quality_warning_s integer CHECK (quality_warning_s >= 0),
    ADD COLUMN quality_one_way boolean;
`;

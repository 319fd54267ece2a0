/**
 * What a recorded call's playback marks besides its paused spans: where it was on hold (seconds into the file, from
 * its re-INVITEs) and its moments (a transfer).
 */
export const sql = `
  ALTER TABLE recordings ADD COLUMN hold_spans jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(hold_spans) = 'array');
  ALTER TABLE recordings ADD COLUMN events jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(events) = 'array');
`;

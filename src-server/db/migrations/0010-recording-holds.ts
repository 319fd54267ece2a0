/** Where each recorded call was on hold (seconds into the file, from its re-INVITEs), marked on playback. */
export const sql = `
  ALTER TABLE recordings ADD COLUMN hold_spans jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(hold_spans) = 'array');
`;

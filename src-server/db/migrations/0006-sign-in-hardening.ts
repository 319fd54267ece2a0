/**
 * Each sign-in attempt also keeps the address it came from, so many user names guessed from one address are
 * limited too (the per-name limit alone lets a guesser try five passwords on every name of the floor). And a
 * person's sessions can be ended at a point in time (password reset, account disabled): access tokens issued
 * before it are refused and her live channels closed, not left open until they expire.
 */
export const sql = `
  ALTER TABLE login_failures ADD COLUMN address text CHECK (length(address) <= 64);
  CREATE INDEX login_failures_by_address ON login_failures(address, at) WHERE address IS NOT NULL;
  ALTER TABLE users ADD COLUMN sessions_reset_at timestamptz;
`;

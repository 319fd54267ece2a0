/**
 * The PBX's SIP Call-ID on the team's call records (issue #15): the desktop that took the call sends it
 * (`pbxCallId` of contact.record), so every desktop of the team finds that call's own recording by it instead of
 * guessing by the customer's number and the time. NULL for calls from older desktops. The CHECK is the contract's
 * rule again (visible ASCII, 1–256; PostgreSQL's regular expressions count no further than 255), so no other way in
 * can store a control character.
 */
export const sql = `
  ALTER TABLE contacts ADD COLUMN pbx_call_id text CHECK (pbx_call_id ~ '^[!-~]+$' AND length(pbx_call_id) <= 256);
`;

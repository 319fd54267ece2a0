/**
 * Spawn option for the lab's processes (Kamailio, rtpengine, SIPp, PostgreSQL, the team server): each leads a
 * process group of its own. A terminal's Ctrl+C signals its whole foreground group at once, so without this the
 * PBX and its media relay died while the app was still hanging up and unregistering through them (sip.js "Not
 * connected", rtpengine killed mid-call). In their own group only the app hears Ctrl+C, and it stops them in order.
 */
export const OWN_PROCESS_GROUP = { detached: true } as const;

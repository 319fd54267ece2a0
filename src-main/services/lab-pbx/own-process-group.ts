/**
 * Whether the lab's processes (Kamailio, rtpengine, SIPp, PostgreSQL, the team server) each lead a process group of
 * their own. A terminal's Ctrl+C signals its whole foreground group at once: in the demo that killed the PBX and its
 * media relay while the app was still hanging up and unregistering through them (sip.js "Not connected", rtpengine
 * SIGSEGV mid-call). In a group of their own only the app hears it, and it stops them in order.
 *
 * Only the demo asks for this (it stops what it started): a test runner stopped with Ctrl+C does not always run its
 * teardown, and there the terminal's signal is what still takes the lab down with it.
 */
let ownGroups = false;

/** The demo: from now on the lab's processes start out of reach of the terminal's Ctrl+C. */
export function shieldLabProcessesFromTerminal(): void {
  ownGroups = true;
}

/** Spawn option for a lab process. */
export function labProcessGroup(): { detached: boolean } {
  return { detached: ownGroups };
}

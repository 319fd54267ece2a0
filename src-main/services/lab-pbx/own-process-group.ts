import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Whether the lab's processes (Kamailio, rtpengine, SIPp, PostgreSQL, the team server) each lead a process group of
 * their own. A terminal's Ctrl+C signals its whole foreground group at once: in the demo that killed the PBX and its
 * media relay while the app was still hanging up and unregistering through them (sip.js "Not connected", rtpengine
 * SIGSEGV mid-call). In a group of their own only the app hears it, and it stops them in order.
 *
 * Out of the terminal's reach, they must not outlive the app: whatever way it exits (a stop that failed half-way, a
 * second Ctrl+C, an uncaught error), the groups still running are killed as it goes. Only SIGKILL of the app
 * itself leaves them (as it would any child).
 *
 * Only the demo asks for this (it stops what it started): a test runner stopped with Ctrl+C does not always run its
 * teardown, and there the terminal's signal is what still takes the lab down with it.
 */
let ownGroups = false;
const running = new Set<ChildProcess>();

function killRunningGroups(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

/** The demo: from now on the lab's processes start out of reach of the terminal's Ctrl+C. */
export function shieldLabProcessesFromTerminal(): void {
  if (ownGroups) return;
  ownGroups = true;
  process.on('exit', killRunningGroups);
}

/** Starts a lab process, in a group of its own when the demo asked for it. */
export function spawnLabProcess(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: ownGroups });
  if (ownGroups && child.pid !== undefined) {
    running.add(child);
    child.once('exit', () => running.delete(child));
  }
  return child;
}

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Drops a share of the UDP packets sent to one port on 127.0.0.1 (iptables' statistic match; this kernel has no
 * netem). Loopback only, one port the caller owns, so nothing else on the machine is touched. Returns the undo,
 * which the caller must run in a finally. Needs root.
 */
export async function dropOnLoopback(port: number, probability: number): Promise<() => Promise<void>> {
  if (!Number.isInteger(port) || port < 1024 || port > 65_535) throw new Error('a lab media port is 1024–65535');
  if (!(probability > 0 && probability <= 1)) throw new Error('probability is in (0, 1]');
  const rule = ['OUTPUT', '-o', 'lo', '-p', 'udp', '-d', '127.0.0.1', '--dport', String(port), '-m', 'statistic', '--mode', 'random', '--probability', String(probability), '-m', 'comment', '--comment', 'agent-desktop lab loss', '-j', 'DROP'];
  await run('iptables', ['-w', '5', '-I', ...rule]);
  let removed = false;
  return async () => {
    if (removed) return;
    removed = true;
    await run('iptables', ['-w', '5', '-D', ...rule]);
  };
}

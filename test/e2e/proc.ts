import { readdirSync, readFileSync } from 'node:fs';

/** What /proc says of a running process; null once it is gone or not ours to read. */
function read(pid: number, file: 'cmdline' | 'environ' | 'stat'): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

export function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** Every process's command line as other local users can read it, NULs turned to spaces. */
export function commandLines(): { pid: number; cmdline: string }[] {
  return allPids().flatMap((pid) => {
    const cmdline = read(pid, 'cmdline');
    return cmdline === null ? [] : [{ pid, cmdline: cmdline.replaceAll('\0', ' ') }];
  });
}

function parentOf(pid: number): number | null {
  const stat = read(pid, 'stat');
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? Number(fields[1]) : null;
}

/** Every living process started (directly or further down) by `root`. */
export function descendantsOf(root: number): number[] {
  const parents = new Map(allPids().map((pid) => [pid, parentOf(pid)]));
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length) {
    const next = [...parents].filter(([, parent]) => parent !== null && frontier.includes(parent)).map(([pid]) => pid);
    found.push(...next);
    frontier = next;
  }
  return found;
}

/** The environment a process started with, as NAME=value strings. */
export function environmentOf(pid: number): string[] {
  return (read(pid, 'environ') ?? '').split('\0').filter(Boolean);
}

import { analyse } from 'scslre';

/** Longer than any shipped pattern (the longest is about 500 characters) with room to spare. */
export const MAX_PATTERN_LENGTH = 1000;

/**
 * The part of a pattern that can make matching take super-linear time, or null. Coach rules are matched on every
 * keystroke of the agent's draft and one published rule reaches every desktop: a repetition the engine can split
 * many ways ("(a+)+", "(?:\w+\s?){0,20}", "\w+\w+x") makes it try every split of a long text that almost matches,
 * which freezes the desktop. The analysis is scslre's (exponential and polynomial backtracking, including the
 * kind an unanchored search adds by trying every start).
 */
export function slowPart(source: string, flags: string): string | null {
  let reports;
  try {
    ({ reports } = analyse({ source, flags: flags.replace('g', '') }, { maxReports: 1 }));
  } catch {
    return null; // not a valid pattern: said by the check that compiles it
  }
  const r = reports[0];
  if (!r) return null;
  return r.type === 'Trade' ? `${r.startQuant.raw} … ${r.endQuant.raw}` : r.quant.raw;
}

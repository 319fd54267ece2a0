/**
 * Staffing by Erlang C: how many agents answer a given call rate within a service-level target.
 *
 * Traffic A = calls per hour × average handle time (s) / 3600, in erlangs. With N agents (N > A):
 *   Erlang B by the stable recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1));
 *   probability a call waits  Pw = N·B(N) / (N − A·(1 − B(N)))            (Erlang C from Erlang B)
 *   service level             SL = 1 − Pw · e^(−(N − A) · T / AHT)         (answered within T seconds)
 *   average speed of answer  ASA = Pw · AHT / (N − A)
 *   occupancy                    = A / N
 * The answer is the smallest N whose SL meets the target.
 */
export interface StaffingTarget {
  callsPerHour: number;
  ahtSeconds: number;
  /** Share of calls to answer within targetSeconds, e.g. 0.8. */
  targetServiceLevel: number;
  targetSeconds: number;
}

export interface Staffing {
  agents: number;
  serviceLevel: number;
  occupancy: number;
  averageSpeedOfAnswerSeconds: number;
}

/** More agents than any single queue plans for: the search stops here rather than loop on absurd input. */
export const MAX_AGENTS = 100_000;

export function erlangC(agents: number, erlangs: number): number {
  if (agents <= erlangs) return 1;
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (erlangs * b) / (n + erlangs * b);
  return (agents * b) / (agents - erlangs * (1 - b));
}

export function serviceWith(agents: number, target: StaffingTarget): Staffing {
  const erlangs = (target.callsPerHour * target.ahtSeconds) / 3600;
  if (erlangs === 0) return { agents, serviceLevel: 1, occupancy: 0, averageSpeedOfAnswerSeconds: 0 };
  if (agents <= erlangs) return { agents, serviceLevel: 0, occupancy: 1, averageSpeedOfAnswerSeconds: Infinity };
  const waits = erlangC(agents, erlangs);
  return {
    agents,
    serviceLevel: 1 - waits * Math.exp((-(agents - erlangs) * target.targetSeconds) / target.ahtSeconds),
    occupancy: erlangs / agents,
    averageSpeedOfAnswerSeconds: (waits * target.ahtSeconds) / (agents - erlangs),
  };
}

/** The smallest number of agents meeting the target; throws on input no queue can have. */
export function agentsNeeded(target: StaffingTarget): Staffing {
  const problems = staffingProblems(target);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const erlangs = (target.callsPerHour * target.ahtSeconds) / 3600;
  if (erlangs === 0) return serviceWith(0, target);
  for (let agents = Math.floor(erlangs) + 1; agents <= MAX_AGENTS; agents++) {
    const staffing = serviceWith(agents, target);
    if (staffing.serviceLevel >= target.targetServiceLevel) return staffing;
  }
  throw new RangeError(`more than ${MAX_AGENTS} agents would be needed; check the call rate and handle time`);
}

function staffingProblems(t: StaffingTarget): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(t.callsPerHour) || t.callsPerHour < 0) problems.push('calls per hour must be a number of 0 or more');
  if (!Number.isFinite(t.ahtSeconds) || t.ahtSeconds <= 0) problems.push('average handle time must be more than 0 seconds');
  if (!(t.targetServiceLevel > 0 && t.targetServiceLevel < 1)) problems.push('the service-level target must be between 0 and 1, e.g. 0.8');
  if (!Number.isFinite(t.targetSeconds) || t.targetSeconds < 0) problems.push('the answer-time target must be 0 seconds or more');
  return problems;
}

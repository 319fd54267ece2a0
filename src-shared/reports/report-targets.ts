import type { ReportFigures } from './report-contract';

/**
 * The targets a team lead of an inbound service desk would set, used where nobody set one: a desktop's "My day"
 * (config.json "reports" overrides them) and, on the team server, every team (migration 0009 wrote them into
 * report_targets with the values of that day; a change here needs a server migration for the teams that exist).
 * Counts (offered, handled, complaints, helped marks) have no default: they grow with the period and the floor's
 * volume, so a fixed number would colour a short day red; a team that wants one sets it.
 */
export const DEFAULT_REPORT_TARGETS: ReportFigures = {
  // Handle time about 6 minutes with under a minute of wrap-up and half a minute on hold.
  ahtSeconds: 360,
  acwSeconds: 60,
  holdSeconds: 30,
  // Three in four callers resolved on the first call; CSAT 4.2 of 5 with 80 % of scores 4–5.
  fcrRate: 0.75,
  csatAverage: 4.2,
  csatTopShare: 0.8,
  // Every low score followed up; at most one complaint in ten escalated; every deadline kept.
  lowCsatOpen: 0,
  escalationRate: 0.1,
  slaBreached: 0,
};

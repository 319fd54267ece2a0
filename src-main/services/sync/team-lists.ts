import type { AgentSettings, CodeLabels } from '../../../src-shared/domain/agent-state';
import type { Locale } from '../../../src-shared/domain/screen-pop';
import { CoachRule } from '../../../src-shared/replies/coach-rule';
import { DispositionRecord, NotReadyReasonRecord } from '../../../src-shared/sync/knowledge-contract';
import type { PublishedListsRepo, PublishedRow } from './published-lists-repo';

/**
 * What the team published, as this desktop uses it: the Not Ready reasons and dispositions the agent chooses from
 * and the coach rules her replies are checked with. A kind the team has published nothing of (or a desktop
 * without a team server) keeps the local one: config.json's lists, the shipped rules. Rows are checked again on
 * the way out; one this version cannot read is passed over.
 */
export class TeamLists {
  constructor(private readonly repo: PublishedListsRepo, private readonly inTeam: () => boolean) {}

  /** The local settings with the team's lists in place of the local ones, and the team's words for its codes. */
  agentSettings(local: AgentSettings): AgentSettings {
    if (!this.inTeam()) return local;
    const reasons = this.codes('notReadyReason', NotReadyReasonRecord);
    const dispositions = this.codes('disposition', DispositionRecord);
    return {
      ...local,
      notReadyReasons: reasons.active.length ? reasons.active : local.notReadyReasons,
      dispositions: dispositions.active.length ? dispositions.active : local.dispositions,
      labels: { reasons: { ...local.labels?.reasons, ...reasons.labels }, dispositions: { ...local.labels?.dispositions, ...dispositions.labels } },
    };
  }

  /** The team's coach rules for a language, or null when it published none for it (the shipped rules apply). */
  coachRules(locale: Locale): CoachRule[] | null {
    if (!this.inTeam()) return null;
    const rules = this.repo
      .all('coachRule')
      .filter((r) => !r.retired && r.locale === locale)
      .flatMap((r) => {
        const parsed = CoachRule.safeParse(r.data);
        return parsed.success ? [parsed.data] : [];
      });
    return rules.length ? rules : null;
  }

  private codes(kind: 'notReadyReason' | 'disposition', schema: typeof DispositionRecord): { active: string[]; labels: Record<string, CodeLabels> } {
    const active: string[] = [];
    const labels: Record<string, CodeLabels> = {};
    for (const row of this.repo.all(kind) as PublishedRow[]) {
      const parsed = schema.safeParse(row.data);
      if (!parsed.success) continue;
      if (parsed.data.labels) labels[parsed.data.code] = parsed.data.labels;
      if (!row.retired) active.push(parsed.data.code);
    }
    return { active, labels };
  }
}

import type { Db } from '../db/database';
import type { Outbox } from '../sync/outbox';
import type { AgentState } from '../../../src-shared/domain/agent-state';

/**
 * Each change of the agent's state, kept on the desktop (agent_state_log) and shared with the team server in the
 * same transaction, for the lead's numbers. A repeat of the same state and reason (an extended wrap-up) is no change.
 */
export class AgentStateLog {
  private last = '';

  constructor(private readonly db: Db, private readonly outbox: Outbox, private readonly now: () => number = Date.now) {}

  record(agent: string, s: AgentState): void {
    const reason = s.reasonCode?.slice(0, 64) ?? null;
    const key = `${s.state}:${reason ?? ''}`;
    if (key === this.last) return;
    this.last = key;
    const at = this.now();
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO agent_state_log (agent, state, reason, at) VALUES (?, ?, ?, ?)').run(agent, s.state, reason, at);
      this.outbox.add(`agent:${agent}`, { kind: 'agentState.change', state: s.state, reason, at });
    })();
  }
}

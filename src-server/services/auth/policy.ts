import type { Role } from '../../../src-shared/sync/contract';

/** Who is asking: from a verified token, with the queues she serves read from the database for this request. */
export interface Viewer {
  userId: number;
  username: string;
  role: Role;
  teamId: number | null;
  queues: readonly string[];
}

export interface WorkOrderScope {
  teamId: number;
  queue: string | null;
  assigneeId: number | null;
  createdBy: number;
}

/**
 * Every authorisation decision of the server, in one place. Nobody sees or touches another team's data; agents
 * and team leads see their team's; a specialist sees what is routed to the queues she serves, what she was
 * given and what she filed herself. Routes never decide on their own.
 */
export const policy = {
  canSeeTeam(v: Viewer, teamId: number): boolean {
    return v.teamId === teamId;
  },

  canSeeWorkOrder(v: Viewer, w: WorkOrderScope): boolean {
    if (v.teamId !== w.teamId) return false;
    if (v.role !== 'specialist') return true;
    return (w.queue !== null && v.queues.includes(w.queue)) || w.assigneeId === v.userId || w.createdBy === v.userId;
  },

  canFile(v: Viewer): boolean {
    return v.teamId !== null && v.role !== 'admin';
  },

  canChangeStatus(v: Viewer, w: WorkOrderScope): boolean {
    return this.canSeeWorkOrder(v, w);
  },

  /** Claiming is taking a work order from a queue one serves (a lead may claim for her team too). */
  canClaim(v: Viewer, w: WorkOrderScope): boolean {
    if (v.teamId !== w.teamId) return false;
    return v.role === 'lead' || (v.role === 'specialist' && w.queue !== null && v.queues.includes(w.queue));
  },

  canAssign(v: Viewer, w: WorkOrderScope): boolean {
    return v.role === 'lead' && v.teamId === w.teamId;
  },

  /** Her own follow-up, or one on a work order she may see (a team callback without one is the team's). */
  canCompleteFollowUp(v: Viewer, f: { teamId: number; ownerId: number; workOrder: WorkOrderScope | null }): boolean {
    if (v.teamId !== f.teamId || v.role === 'admin') return false;
    return f.ownerId === v.userId || f.workOrder === null || this.canSeeWorkOrder(v, f.workOrder);
  },

  /** Who is on the team and its queues: the lead's, to reassign; only ever her own team. */
  canSeeMembers(v: Viewer): boolean {
    return v.role === 'lead' && v.teamId !== null;
  },

  /** Which desktops hold unsynced work: the team lead's to know. */
  canSeeDesktops(v: Viewer): boolean {
    return v.role === 'lead' && v.teamId !== null;
  },

  /** A lead finds her team's recordings; an agent only her own calls, where the site allows it. */
  canSearchRecordings(v: Viewer, agentsHearOwn: boolean): boolean {
    return v.teamId !== null && (v.role === 'lead' || (v.role === 'agent' && agentsHearOwn));
  },

  canHearRecording(v: Viewer, r: { teamId: number; agentId: number }, agentsHearOwn: boolean): boolean {
    if (v.teamId !== r.teamId) return false;
    return v.role === 'lead' || (v.role === 'agent' && agentsHearOwn && r.agentId === v.userId);
  },

  /** Knowledge reaches every desktop of the floor: a team lead or an admin publishes it, nobody else. */
  canPublishKnowledge(v: Viewer): boolean {
    return v.role === 'lead' || v.role === 'admin';
  },

  /** Which articles help on calls: a lead sees her team's marks, an admin the whole floor's. */
  canSeeHelpedReport(v: Viewer): boolean {
    return v.role === 'admin' || (v.role === 'lead' && v.teamId !== null);
  },

  /** Reports: everyone on a team sees her own figures; a team lead also her team's, its queues' and its agents'. */
  canSeeTeamReports(v: Viewer): boolean {
    return v.role === 'lead' && v.teamId !== null;
  },

  /** One agent's figures: her lead's, while she is on that lead's team. */
  canSeeAgentReports(v: Viewer, agentTeamId: number | null): boolean {
    return this.canSeeTeamReports(v) && agentTeamId === v.teamId;
  },

  /** The team's targets: its lead sets them (an admin, from the admin CLI). */
  canSetReportTargets(v: Viewer): boolean {
    return v.role === 'lead' && v.teamId !== null;
  },

  isAdmin(v: Viewer): boolean {
    return v.role === 'admin';
  },
};

import { useEffect, useState } from 'react';
import type { TeamMember } from '../../../src-shared/sync/contract';
import { request } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useSync } from '../sync';
import { assignWorkOrder } from './actions';

interface TeamChoices {
  members: TeamMember[];
  queues: string[];
}

/** The lead's team (members and queues), read once per signed-in lead; null for everyone else. */
export function useTeamChoices(): TeamChoices | null {
  const lead = useSync((s) => (s.status?.user?.role === 'lead' ? s.status.user.username : null));
  const [choices, setChoices] = useState<TeamChoices | null>(null);
  useEffect(() => {
    if (!lead) return setChoices(null);
    request('listTeamMembers', {}).then(
      (r) => setChoices(r.members ? { members: r.members, queues: r.queues } : null),
      (err: unknown) => console.warn('team members could not be read', err),
    );
  }, [lead]);
  return choices;
}

/** A team lead's "Reassign to…" on one work order: a member of her team, or back to a queue. */
export function ReassignSelect({ id, assignee, queue, choices }: { id: string; assignee: string | null; queue: string | null; choices: TeamChoices }) {
  const t = useT();
  return (
    <select
      aria-label={t('wo.reassign', { id })}
      value=""
      onChange={(e) => {
        const [kind, value] = [e.target.value.slice(0, e.target.value.indexOf(':')), e.target.value.slice(e.target.value.indexOf(':') + 1)];
        if (kind === 'user') void assignWorkOrder(id, { assignee: value });
        if (kind === 'queue') void assignWorkOrder(id, { queue: value });
      }}
    >
      <option value="">{t('wo.reassignTo')}</option>
      {choices.members
        .filter((m) => m.username !== assignee)
        .map((m) => (
          <option key={m.username} value={`user:${m.username}`}>
            {m.displayName && m.displayName !== m.username ? `${m.displayName} (${m.username})` : m.username}
          </option>
        ))}
      {choices.queues
        .filter((q) => q !== queue || assignee !== null)
        .map((q) => (
          <option key={q} value={`queue:${q}`}>
            {t('wo.reassignQueue', { queue: q })}
          </option>
        ))}
    </select>
  );
}

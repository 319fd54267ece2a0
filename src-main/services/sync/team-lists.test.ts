import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../app/logger';
import { Cache } from '../db/cache';
import { AgentStateMachine } from '../agent-state/agent-state';
import { DEFAULT_AGENT_SETTINGS } from '../../../src-shared/domain/agent-state';
import { coachReply, compileRuleSet } from '../../../src-shared/replies';
import type { KnowledgeChange, KnowledgePullResponse } from '../../../src-shared/sync/knowledge-contract';
import { KnowledgePull } from './knowledge-pull';
import { PublishedListsRepo } from './published-lists-repo';
import { TeamLists } from './team-lists';

/** The team server's knowledge feed in memory: the only fake (this test is about the desktop's side). */
function feed() {
  const changes: KnowledgeChange[] = [];
  return {
    publish: (c: Omit<KnowledgeChange, 'seq'>) => void changes.push({ ...c, seq: changes.length + 1 }),
    client: {
      pullKnowledge: async (after: number, limit: number): Promise<KnowledgePullResponse> => {
        const latest = changes.filter((c) => c.seq > after && !changes.some((d) => d.seq > c.seq && d.kind === c.kind && d.id === c.id && d.locale === c.locale));
        const page = latest.slice(0, limit);
        return { changes: page, cursor: page.at(-1)?.seq ?? after, more: page.length === limit };
      },
    },
  };
}

const code = (kind: 'disposition' | 'notReadyReason', c: string, labels?: Record<string, string>) => ({
  kind,
  id: c,
  locale: '' as const,
  retired: false,
  data: labels ? { code: c, labels } : { code: c },
});
const retired = (kind: 'disposition' | 'notReadyReason', c: string) => ({ kind, id: c, locale: '' as const, retired: true, data: null });
const rule = {
  id: 'en.no-worries',
  category: 'condescending',
  patterns: ['\\bno worries\\b'],
  suggestion: 'Certainly, I will take care of it.',
  examples: { flag: ['[[No worries]], I will fix it.'], pass: ['You have nothing to worry about.'] },
};

function desktop(inTeam = true) {
  const cache = new Cache(join(mkdtempSync(join(tmpdir(), 'team-lists-')), 'cache.sqlite'));
  const server = feed();
  const pull = new KnowledgePull(cache.db, cache.kb, cache.templates, server.client, silentLogger);
  const lists = new TeamLists(new PublishedListsRepo(cache.db), () => inTeam);
  return { cache, server, pull, lists };
}

describe('the team\'s published lists on a desktop', () => {
  it('without anything published, or without a team server, the local lists and shipped rules apply', async () => {
    const alone = desktop(false);
    alone.server.publish(code('notReadyReason', 'system-down'));
    await alone.pull.pullAll();
    expect(alone.lists.agentSettings(DEFAULT_AGENT_SETTINGS)).toEqual(DEFAULT_AGENT_SETTINGS);
    expect(alone.lists.coachRules('en')).toBeNull();
    const team = desktop();
    expect(team.lists.agentSettings(DEFAULT_AGENT_SETTINGS).notReadyReasons).toEqual(DEFAULT_AGENT_SETTINGS.notReadyReasons);
    alone.cache.close();
    team.cache.close();
  });

  it('pulled reasons and dispositions replace the local lists, with the team\'s words; the state machine takes them at once', async () => {
    const { cache, server, pull, lists } = desktop();
    const agent = new AgentStateMachine(() => lists.agentSettings(DEFAULT_AGENT_SETTINGS));
    server.publish(code('notReadyReason', 'system-down', { en: 'System down', 'zh-CN': '系统故障' }));
    server.publish(code('notReadyReason', 'meal'));
    server.publish(code('disposition', 'refund-issued', { en: 'Refund issued' }));
    const kinds: string[][] = [];
    pull.on('applied', (a) => kinds.push(a.lists));
    await pull.pullAll();
    expect(kinds).toEqual([['notReadyReason', 'disposition']]);
    const settings = lists.agentSettings(DEFAULT_AGENT_SETTINGS);
    expect(settings.notReadyReasons).toEqual(['system-down', 'meal']);
    expect(settings.dispositions).toEqual(['refund-issued']);
    expect(settings.labels?.reasons['system-down']).toEqual({ en: 'System down', 'zh-CN': '系统故障' });
    expect(agent.setNotReady('system-down').reasonCode).toBe('system-down');
    expect(() => agent.setNotReady('break')).toThrow(/not one of the Not Ready reasons/);
    cache.close();
  });

  it('a code the server retired leaves the list but keeps its words; an agent in that state stays in it', async () => {
    const { cache, server, pull, lists } = desktop();
    const agent = new AgentStateMachine(() => lists.agentSettings(DEFAULT_AGENT_SETTINGS));
    server.publish(code('notReadyReason', 'system-down', { en: 'System down' }));
    server.publish(code('notReadyReason', 'meal'));
    await pull.pullAll();
    agent.setNotReady('system-down');
    server.publish(retired('notReadyReason', 'system-down'));
    await pull.pullAll();
    const settings = lists.agentSettings(DEFAULT_AGENT_SETTINGS);
    expect(settings.notReadyReasons).toEqual(['meal']);
    expect(settings.labels?.reasons['system-down']).toEqual({ en: 'System down' });
    expect(agent.state).toMatchObject({ state: 'not-ready', reasonCode: 'system-down' });
    expect(() => agent.setNotReady('system-down')).toThrow(/not one of the Not Ready reasons/);
    // Everything retired: the local list again, never an empty menu.
    server.publish(retired('notReadyReason', 'meal'));
    await pull.pullAll();
    expect(lists.agentSettings(DEFAULT_AGENT_SETTINGS).notReadyReasons).toEqual(DEFAULT_AGENT_SETTINGS.notReadyReasons);
    cache.close();
  });

  it('the coach checks a language with the team\'s rules when it published some, the shipped ones otherwise', async () => {
    const { cache, server, pull, lists } = desktop();
    const draft = 'No worries, I will fix it today.';
    expect(coachReply(draft, 'en').map((f) => f.rule)).not.toContain('en.no-worries');
    server.publish({ kind: 'coachRule', id: rule.id, locale: 'en', retired: false, data: rule });
    await pull.pullAll();
    const rules = lists.coachRules('en')!;
    expect(rules.map((r) => r.id)).toEqual(['en.no-worries']);
    expect(coachReply(draft, 'en', { rules: compileRuleSet({ locale: 'en', rules }) }).map((f) => f.rule)).toEqual(['en.no-worries']);
    expect(lists.coachRules('th')).toBeNull();
    server.publish({ kind: 'coachRule', id: rule.id, locale: 'en', retired: true, data: null });
    await pull.pullAll();
    expect(lists.coachRules('en')).toBeNull();
    cache.close();
  });
});

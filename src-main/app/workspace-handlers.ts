import { ContractError } from '../../src-shared/contract';
import { templatesFor } from '../services/replies/templates-for';
import type { AgentDesktop } from './agent-desktop';
import type { Handlers } from './router';

type WorkspaceChannel =
  | 'searchKb'
  | 'suggestKb'
  | 'getKbArticle'
  | 'markKbHelped'
  | 'listTemplates'
  | 'getWorkOrderSettings'
  | 'saveWorkOrderDraft'
  | 'getWorkOrderDraft'
  | 'discardWorkOrderDraft'
  | 'submitWorkOrder'
  | 'listWorkOrders';

/**
 * The router handlers of the agent's workspace panels (knowledge, replies, work orders), kept out of the
 * composition root so it stays a list of services.
 */
export function workspaceHandlers(
  app: Pick<AgentDesktop, 'cache' | 'kbSuggestions' | 'workOrderFiling' | 'agentId' | 'slaHours'>,
): Pick<Handlers, WorkspaceChannel> {
  const { cache } = app;
  return {
    searchKb: ({ query, locale, limit }) => ({
      hits: cache.kbSearch.search(query, { locale, limit: limit ?? 10 }).map(({ score: _score, ...hit }) => hit),
    }),
    suggestKb: ({ queue, ivrPath, locale }) => ({ hits: app.kbSuggestions.suggest({ queue, ivrPath }, locale) }),
    getKbArticle: ({ id }) => {
      const article = cache.kb.article(id);
      if (!article) throw new ContractError('NOT_FOUND', `Article ${id} is not in the knowledge base; search again.`);
      const { externalId, ...rest } = article;
      return { id: externalId, ...rest };
    },
    markKbHelped: ({ articleId, callId, helped }) => {
      if (!cache.kbFeedback.mark(articleId, callId, helped)) {
        throw new ContractError('NOT_FOUND', `Article ${articleId} is not in the knowledge base; search again.`);
      }
      return {};
    },
    listTemplates: ({ locale }) => ({ templates: templatesFor(cache.templates, locale) }),
    getWorkOrderSettings: () => ({ slaHours: app.slaHours() }),
    saveWorkOrderDraft: ({ draft }) => ({ savedAt: cache.workOrderDrafts.save(app.agentId(), draft) }),
    getWorkOrderDraft: () => {
      const saved = cache.workOrderDrafts.load(app.agentId());
      return { draft: saved?.draft ?? null, savedAt: saved?.savedAt ?? null };
    },
    discardWorkOrderDraft: () => {
      cache.workOrderDrafts.discard(app.agentId());
      return {};
    },
    submitWorkOrder: (form) => {
      const { id, dueAt, route } = app.workOrderFiling.file(app.agentId(), form);
      return { id, dueAt, route };
    },
    listWorkOrders: ({ statuses }) => ({ workOrders: cache.workOrders.list(statuses) }),
  };
}

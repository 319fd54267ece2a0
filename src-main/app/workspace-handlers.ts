import { ContractError } from '../../src-shared/contract';
import { canMove, isReopen } from '../../src-shared/workorders/status-moves';
import { quickCreateCustomer } from '../services/customers/quick-create';
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
  | 'listWorkOrders'
  | 'setWorkOrderStatus'
  | 'claimWorkOrder'
  | 'assignWorkOrder'
  | 'createCustomer';

/**
 * The router handlers of the agent's workspace panels (knowledge, replies, work orders), kept out of the
 * composition root so it stays a list of services.
 */
export function workspaceHandlers(
  app: Pick<AgentDesktop, 'cache' | 'kbSuggestions' | 'workOrderFiling' | 'agentId' | 'slaHours' | 'screenPop' | 'myQueues' | 'syncStatus'>,
): Pick<Handlers, WorkspaceChannel> {
  const { cache } = app;
  return {
    searchKb: ({ query, locale, limit }) => ({
      hits: cache.kbSearch.search(query, { locale, limit: limit ?? 10 }).map(({ score: _score, ...hit }) => hit),
    }),
    suggestKb: ({ queue, ivrPath, locale }) => ({ hits: app.kbSuggestions.suggest({ queue, ivrPath }, locale) }),
    getKbArticle: ({ id }) => {
      const article = cache.kb.article(id);
      if (!article) throw new ContractError('NOT_FOUND', `Article ${id} is not in the knowledge base; search again.`, undefined, {
        key: 'mainError.kb.articleMissing',
      });
      const { externalId, ...rest } = article;
      return { id: externalId, ...rest };
    },
    markKbHelped: ({ articleId, callId, helped }) => {
      if (!cache.kbFeedback.mark(articleId, callId, helped)) {
        throw new ContractError('NOT_FOUND', `Article ${articleId} is not in the knowledge base; search again.`, undefined, {
          key: 'mainError.kb.articleMissing',
        });
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
    listWorkOrders: ({ statuses, scope }) => ({ workOrders: cache.workOrders.list(statuses, 100, scope === 'queues' ? app.myQueues() : null) }),
    claimWorkOrder: ({ id }) => {
      const current = cache.workOrders.statusOf(id);
      if (!current) throw new ContractError('NOT_FOUND', `Work order ${id} is not in the records; reload the list.`, undefined, {
        key: 'mainError.wo.notFound',
        params: { id },
      });
      if (!app.myQueues().length) throw new ContractError('UNAVAILABLE', 'Claiming is for specialists signed in to the team server.', undefined, {
        key: 'mainError.wo.claimNeedsTeam',
      });
      cache.workOrders.claim(current.id, app.agentId());
      return { id, status: cache.workOrders.statusOf(id)!.status };
    },
    assignWorkOrder: (request) => {
      const current = cache.workOrders.statusOf(request.id);
      if (!current) throw new ContractError('NOT_FOUND', `Work order ${request.id} is not in the records; reload the list.`, undefined, {
        key: 'mainError.wo.notFound',
        params: { id: request.id },
      });
      // The server decides again (policy.canAssign); this only spares an agent a change that would be refused.
      if (app.syncStatus().user?.role !== 'lead') throw new ContractError('UNAVAILABLE', 'Reassigning is for the team lead signed in to the team server.', undefined, {
        key: 'mainError.wo.reassignNeedsLead',
      });
      cache.workOrders.assign(current.id, app.agentId(), 'assignee' in request ? { assignee: request.assignee } : { queue: request.queue });
      return { id: request.id };
    },
    setWorkOrderStatus: ({ id, status }) => {
      const current = cache.workOrders.statusOf(id);
      if (!current) throw new ContractError('NOT_FOUND', `Work order ${id} is not in the records; reload the list.`, undefined, {
        key: 'mainError.wo.notFound',
        params: { id },
      });
      if (!canMove(current.status, status)) {
        throw new ContractError('INVALID_REQUEST', `Work order ${id} is ${current.status}; it cannot go to ${status}.`, undefined, {
          key: 'mainError.wo.cannotMove',
          params: { id },
        });
      }
      if (isReopen(current.status, status)) cache.workOrders.reopen(current.id, app.agentId(), 'reopened by the agent');
      else cache.workOrders.setStatus(current.id, status, app.agentId());
      return { id, status };
    },
    createCustomer: ({ name, number, preferredLanguage, notes }) => {
      const e164 = app.screenPop.numberOf(number);
      if (!e164) {
        throw new ContractError('INVALID_REQUEST', `${number} is not a phone number in this region.`, [
          { path: 'number', message: 'customer.error.number' },
        ], { key: 'mainError.customer.badNumber', params: { number } });
      }
      quickCreateCustomer(cache.customers, e164, { name, preferredLanguage, notes }, new Date(cache.now()));
      return app.screenPop.lookup(e164, null);
    },
  };
}

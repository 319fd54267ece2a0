import type { PlaceholderData } from '../../../src-shared/replies';
import type { ScreenPop } from '../../../src-shared/domain/screen-pop';

/** What the work-order form knows that a reply may quote (filled in once the agent has typed it). */
export interface WorkOrderFacts {
  id?: string | null;
  callbackNumber?: string | null;
  callbackTime?: string | null;
  followUpDate?: string | null;
}

/**
 * The placeholder values the workspace can fill from what is on screen: the caller from the pop, the agent, and
 * the work order. Anything unknown stays out, so fillTemplate shows it to the agent as a gap instead.
 */
export function placeholderDataFrom(pop: ScreenPop | null, agentName: string | null, workOrder: WorkOrderFacts = {}): PlaceholderData {
  const data: PlaceholderData = {};
  if (pop?.kind === 'known') data['customer.name'] = pop.customer.name;
  if (agentName) data['agent.name'] = agentName;
  if (workOrder.id) data['workOrder.id'] = workOrder.id;
  if (workOrder.callbackNumber) data['callback.number'] = workOrder.callbackNumber;
  if (workOrder.callbackTime) data['callback.time'] = workOrder.callbackTime;
  if (workOrder.followUpDate) data['followUp.date'] = workOrder.followUpDate;
  return data;
}

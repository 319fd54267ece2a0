import type { WorkOrderSummary } from '../domain/screen-pop';

type Status = WorkOrderSummary['status'];

/**
 * Where a work order may go from each status. Back to 'open' from resolved or closed is a reopen: the fix did
 * not hold, which counts against service recovery (DOMAIN.md item 1) and shows on the customer's next pop.
 */
export const statusMoves: Readonly<Record<Status, readonly Status[]>> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export function canMove(from: Status, to: Status): boolean {
  return statusMoves[from].includes(to);
}

export function isReopen(from: Status, to: Status): boolean {
  return to === 'open' && (from === 'resolved' || from === 'closed');
}

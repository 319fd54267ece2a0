/**
 * The call queue a work order came from (issue #13): the queue of the call the desktop filed it on, as the desktop
 * sends it (`callQueue` of workOrder.file), so reports per queue split complaints, escalations, CSAT and SLA by the
 * queue the customer called. Not `queue`, the specialist queue a work order is routed to. Work orders filed before
 * it stay NULL (the server never learnt which call they were filed on) and count in no queue. The reports' covering
 * index of a team's work orders gains the column, so a queue's year is still read from the index alone.
 */
export const sql = `
  ALTER TABLE work_orders ADD COLUMN call_queue text CHECK (length(call_queue) <= 64);
  DROP INDEX work_orders_for_team_reports;
  CREATE INDEX work_orders_for_team_reports ON work_orders (team_id, created_at)
    INCLUDE (id, display_id, created_by, route, due_at, first_resolved_at, csat, complaint_type, call_queue);
`;

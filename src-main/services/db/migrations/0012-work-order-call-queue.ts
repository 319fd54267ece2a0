import type Database from 'better-sqlite3';

/**
 * The call queue a work order came from (issue #13): the queue the customer called (`contacts.queue` of the call it
 * was filed on), so "per queue" splits complaints, escalations, CSAT and SLA by the queue the customer called. It
 * is not `work_orders.queue`, the specialist queue the work order is routed to. Work orders cached before this
 * migration take it from their call's row when there is one: the call the form named (`data.callId`, the row
 * "call:<id>") or a call row linked to the work order.
 */
export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE work_orders ADD COLUMN call_queue TEXT CHECK (length(call_queue) <= 64);
    -- One pass over the calls (contacts.work_order_id has no index): each work order's first linked call with a queue.
    UPDATE work_orders SET call_queue = linked.queue
    FROM (SELECT work_order_id, substr(queue, 1, 64) AS queue, min(started_at) FROM contacts
          WHERE work_order_id IS NOT NULL AND queue IS NOT NULL GROUP BY work_order_id) AS linked
    WHERE linked.work_order_id = work_orders.id;
    -- The call the form named wins: it is the call the work order was filed on.
    UPDATE work_orders SET call_queue = coalesce(
      (SELECT substr(c.queue, 1, 64) FROM contacts c WHERE c.external_id = 'call:' || (work_orders.data ->> '$.callId')), call_queue)
    WHERE data ->> '$.callId' IS NOT NULL;
  `);
}

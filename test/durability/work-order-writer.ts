/**
 * Child process for the durability test: writes work orders as fast as it can through the app's own
 * repository and prints "ack <id>" only after each write has committed. The test kills it with SIGKILL.
 */
import { Cache } from '../../src-main/services/db/cache';

const [dbPath, prefix] = process.argv.slice(2);
const cache = new Cache(dbPath!);
for (let i = 0; ; i++) {
  const externalId = `${prefix}-${i}`;
  const id = cache.workOrders.create({
    externalId,
    customerId: null,
    kind: 'complaint',
    complaintType: 'long-wait',
    severity: 'ordinary',
    summary: `客诉 ${i}: 等待时间过长`,
    createdAt: Date.now(),
    dueAt: null,
    actor: 'durability-test',
  });
  cache.workOrders.setStatus(id, 'in_progress', 'durability-test');
  process.stdout.write(`ack ${externalId}\n`);
}

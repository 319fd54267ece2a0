/** Worker-thread entry for `bench sync`: runs one share of the simulated floor (see SimulatedFloor). */
import { parentPort, workerData } from 'node:worker_threads';
import { SimulatedFloor, type FloorCommand, type FloorSetup } from './sync-floor';

const port = parentPort!;
const { setup, wave } = workerData as { setup: FloorSetup; wave: number };
const floor = new SimulatedFloor(setup, (r) => port.postMessage(r));
port.on('message', (c: FloorCommand) => {
  if (c.type === 'begin') floor.begin(c.endAt);
  else if (c.type === 'stop') floor.stop();
  else if (c.type === 'drain') void floor.drain();
  else void floor.close().then(() => port.close());
});
void floor.start(wave);

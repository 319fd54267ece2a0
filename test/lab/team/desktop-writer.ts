/**
 * Child process for the sync fault test: a desktop that files complaints as fast as it can with its sync worker
 * running, printing "ack <uuid>" once each is committed locally. The test SIGKILLs it at a random moment.
 * The team password comes from the environment, never the command line.
 */
import { complaintForm, TestDesktop } from './team-desktop';

const [dbPath, serverUrl, username] = process.argv.slice(2);
const desk = new TestDesktop(username!, process.env.TEAM_PASSWORD!, dbPath!);
desk.connect(serverUrl!);
let i = 0;
const fileOne = () => {
  const filed = desk.filing.file(username!, complaintForm(`writer complaint ${i++}`, i % 3 === 0 ? 'difficult' : 'ordinary', null));
  process.stdout.write(`ack ${desk.uuidOf(filed.id)}\n`);
  setImmediate(fileOne);
};
fileOne();

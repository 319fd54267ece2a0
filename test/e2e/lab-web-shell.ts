import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src-main/app/logger';
import { CustomerPhone } from '../../src-main/services/lab-pbx/customer-phone';
import { LabKamailio, type LabAgent } from '../../src-main/services/lab-pbx/kamailio';
import type { RecordingDestination } from '../../src-main/services/lab-pbx/recording-upload';
import { startWebShellProcess, type RunningShell } from './web-shell-process';

export interface LabWebShell {
  pbx: LabKamailio;
  customer: CustomerPhone;
  shell: RunningShell;
  /**
   * SIGKILL of the main process (no shutdown code runs), then a fresh one on the same data and PBX: it comes back
   * on the same address with the same session, as under the launcher, so open pages reconnect.
   */
  crashAndRestart(): Promise<RunningShell>;
  stop(): Promise<void>;
}

/**
 * The web shell configured like a real deployment (PBX address and extension from the environment, the password
 * never on disk), against the real lab Kamailio, with SIPp as the customer's phone.
 */
export async function startLabWebShell(
  agent: LabAgent,
  env: Record<string, string> = {},
  otherAgents: LabAgent[] = [],
  /** agentNetwork: a relay on the browser's side of rtpengine that the test can slow down or cut (pbx.agentNetwork). */
  options: { recording?: { unrecordedQueues?: string[]; upload?: RecordingDestination }; agentNetwork?: boolean } = {},
): Promise<LabWebShell> {
  const labDir = join(process.cwd(), 'test', 'lab');
  const runDir = mkdtempSync(join(tmpdir(), 'agent-desktop-e2e-lab-'));
  const recording = options.recording && { dir: join(runDir, 'recordings'), ...options.recording };
  const pbx = new LabKamailio({ labDir, runDir, agents: [agent, ...otherAgents], logger: silentLogger, media: true, recording, agentNetwork: options.agentNetwork });
  await pbx.start();
  // A customer's phone that fails says why in the test's output (a call that never rings is otherwise a bare timeout).
  const customer = new CustomerPhone(labDir, runDir, () => pbx.sipPort, (report) => console.error(report));
  // One data folder for every restart: the cache and the web session (address, secret) live there.
  const dataDir = env.AGENT_DESKTOP_DATA_DIR ?? join(runDir, 'data');
  const shellEnv = {
    AGENT_DESKTOP_DATA_DIR: dataDir,
    AGENT_DESKTOP_PBX_URL: pbx.wsUrl,
    AGENT_DESKTOP_EXTENSION: agent.extension,
    AGENT_DESKTOP_SIP_PASSWORD: agent.password,
    ...env,
  };
  const lab: LabWebShell = {
    pbx,
    customer,
    shell: await startWebShellProcess([], shellEnv),
    async crashAndRestart() {
      await lab.shell.kill();
      lab.shell = await startWebShellProcess([], shellEnv);
      return lab.shell;
    },
    async stop() {
      customer.stopAll();
      await lab.shell.stop();
      await pbx.stop();
      rmSync(runDir, { recursive: true, force: true });
    },
  };
  return lab;
}

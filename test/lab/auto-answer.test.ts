import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentDesktop } from '../../src-main/app/agent-desktop';
import { AppConfig } from '../../src-main/app/config';
import type { Logger } from '../../src-main/app/logger';
import type { Call } from '../../src-shared/domain/call';
import { nextEvent, startLab, type Lab } from './lab-helpers';

const agent = { extension: '1005', password: 'lab-secret-1005' };

describe('auto-answer with the real Kamailio and SIPp', () => {
  let lab: Lab;
  let app: AgentDesktop;
  /** Every warning and error the app (and sip.js through it) logged. */
  const complaints: string[] = [];
  const logger: Logger = {
    info() {},
    warn: (message, fields) => complaints.push(`warn ${message} ${JSON.stringify(fields)}`),
    error: (message, fields) => complaints.push(`error ${message} ${JSON.stringify(fields)}`),
  };

  beforeAll(async () => {
    lab = await startLab([agent]);
    app = new AgentDesktop({
      config: AppConfig.parse({ agent: { autoAnswer: true } }),
      dataDir: mkdtempSync(join(tmpdir(), 'agent-desktop-auto-answer-')),
      host: 'web',
      version: 'test',
      demo: false,
      sipPassword: agent.password,
      logger,
      importWorker: null,
      media: 'plain',
    });
    await app.start({ server: lab.pbx.wsUrl, domain: '127.0.0.1', extension: agent.extension, displayName: 'Agent', password: agent.password });
    await app.softphone!.waitUntilRegistered();
    app.workflow!.agent.setReady();
  });
  afterAll(async () => {
    await app?.stop();
    await lab?.stop();
  });

  it('a call is answered without a click after 180 Ringing went out, and nothing is logged as an error', async () => {
    const ended = nextEvent<[{ call: Call }]>(app.softphone!, 'ended');
    const run = await lab.customer.call({ caller: '+8613812345678', callerName: 'Headset', agent: agent.extension, talkMs: 300 });
    const { call } = (await ended) as unknown as { call: Call };
    expect((await run.done).code).toBe(0);
    expect(call).toMatchObject({ endReason: 'hung up' });
    expect(call.answeredAt).not.toBeNull();
    expect(complaints).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentStateMachine } from '../../../src-main/services/agent-state/agent-state';
import { PublishedListsRepo } from '../../../src-main/services/sync/published-lists-repo';
import { TeamLists } from '../../../src-main/services/sync/team-lists';
import { DEFAULT_AGENT_SETTINGS } from '../../../src-shared/domain/agent-state';
import { coachReply, compileRuleSet } from '../../../src-shared/replies';
import { TestDesktop } from './team-desktop';
import { ROOT, signIn, startTeamLab } from './team-lab';

// Coach rules, dispositions and Not Ready reasons published on the team server (issue #12, point 5), with real
// parts: PostgreSQL 15, two team-server processes, the agent-desktop CLI as a real process, and a desktop with a
// real SQLite cache and the real sync worker, whose agent-state machine and coach read the team's lists.
const people = [
  { username: 'lead1', password: 'lead-pass-0001', role: 'lead' as const, team: 'north' },
  { username: '1001', password: 'agent-pass-1001', role: 'agent' as const, team: 'north' },
];
const password = (u: string) => people.find((p) => p.username === u)!.password;
let lab: Awaited<ReturnType<typeof startTeamLab>>;
let db: pg.Pool;
let desk: TestDesktop;
let lists: TeamLists;
const dir = mkdtempSync(join(tmpdir(), 'published-lists-lab-'));

beforeAll(async () => {
  lab = await startTeamLab(people, 2);
  db = new pg.Pool({ connectionString: lab.pg.url, max: 2 });
  desk = new TestDesktop('1001', password('1001'));
  lists = new TeamLists(new PublishedListsRepo(desk.cache.db), () => true);
  desk.connect(lab.servers[1]!.url);
  await desk.until((s) => s.state === 'synced');
}, 60_000);
afterAll(async () => {
  await desk?.close();
  await db?.end();
  await lab?.stop();
});

/** The agent-desktop command line, as a team lead runs it; the password in its environment. */
function cli(args: string[], user: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/agent-desktop.js'), '--db', join(dir, 'cli.sqlite'), '--server', lab.servers[0]!.url, '--user', user, ...args], {
      env: { PATH: process.env.PATH ?? '', AGENT_DESKTOP_TEAM_PASSWORD: password(user) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end('');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, lines: (unknown | string)[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return path;
}

const settings = () => lists.agentSettings(DEFAULT_AGENT_SETTINGS);
const feedSeq = async () => Number((await db.query('SELECT seq FROM knowledge_feed')).rows[0].seq);
const noWorries = {
  id: 'en.no-worries',
  category: 'condescending',
  patterns: ['\\bno worries\\b'],
  suggestion: 'Certainly, I will take care of it.',
  replacement: 'certainly',
  examples: { flag: ['[[No worries]], I will fix it.'], pass: ['You have nothing to worry about.'] },
};
const draft = 'No worries, I will fix it today.';
const verdict = () => {
  const rules = lists.coachRules('en');
  return coachReply(draft, 'en', rules ? { rules: compileRuleSet({ locale: 'en', rules }) } : {}).map((f) => f.rule);
};

describe('coach rules, dispositions and Not Ready reasons from the team server', () => {
  const agent = () => new AgentStateMachine(settings);

  it('a lead publishes them with the CLI; the desktop\'s reasons, dispositions and coach verdict change within seconds', async () => {
    expect(settings().notReadyReasons).toEqual(DEFAULT_AGENT_SETTINGS.notReadyReasons);
    expect(verdict()).not.toContain('en.no-worries');
    const reasons = await cli(['import', 'reasons', file('reasons.jsonl', [{ code: 'system-down', labels: { en: 'System down', 'zh-CN': '系统故障', 'zh-TW': '系統故障', th: 'ระบบล่ม' } }, { code: 'meal' }])], 'lead1');
    expect(reasons.stderr).not.toMatch(/agent-desktop/);
    expect(JSON.parse(reasons.stdout)).toEqual({ published: 2, unchanged: 0, rejected: [] });
    // CSV works for codes too: a code column.
    const csv = join(dir, 'dispositions.csv');
    writeFileSync(csv, 'code\nrefund-issued\nescalated\n');
    expect(JSON.parse((await cli(['import', 'dispositions', csv], 'lead1')).stdout)).toEqual({ published: 2, unchanged: 0, rejected: [] });
    expect(JSON.parse((await cli(['import', 'coach-rules', file('rules.jsonl', [noWorries])], 'lead1')).stdout)).toEqual({ published: 1, unchanged: 0, rejected: [] });
    // Timed from the last publish: each CLI run is a Node process starting, which a loaded machine makes slow.
    const started = Date.now();

    // The wake-up crosses server processes (the CLI published on A, the desktop listens on B); no polling here.
    await desk.untilKnowledge(() => (verdict().includes('en.no-worries') && settings().dispositions.length === 2 ? true : null), () => `lists ${JSON.stringify(settings())}`, 15_000);
    const took = Date.now() - started;
    console.log(`published lists on the desktop ${took} ms after the last publish`);
    // Without the wake-up they would come with the desktop's next poll, up to 30 s on.
    expect(took).toBeLessThan(10_000);
    expect(settings()).toMatchObject({ notReadyReasons: ['system-down', 'meal'], dispositions: ['refund-issued', 'escalated'] });
    expect(settings().labels?.reasons['system-down']?.th).toBe('ระบบล่ม');
    const a = agent();
    expect(a.setNotReady('system-down').reasonCode).toBe('system-down');
    expect(() => a.setNotReady('break')).toThrow(/not one of the Not Ready reasons/);
    a.callEnded('call-1');
    expect(a.setDisposition('call-1', 'refund-issued').acw?.disposition).toBe('refund-issued');
    expect(() => a.setDisposition('call-1', 'resolved')).toThrow(/not one of the dispositions/);
  }, 60_000);

  it('a malformed file is rejected line by line and nothing is published', async () => {
    const before = await feedSeq();
    const reasons = await cli(['import', 'reasons', file('bad-reasons.jsonl', ['{"code": "lunch"', { code: 'Lunch Break' }, { code: 'meal', colour: 'red' }])], 'lead1');
    expect(reasons.code).toBe(0);
    const out = JSON.parse(reasons.stdout) as { published: number; rejected: { line: number; reason: string }[] };
    expect(out.published).toBe(0);
    expect(out.rejected.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(out.rejected[0]!.reason).toMatch(/not valid JSON/);
    expect(out.rejected[1]!.reason).toMatch(/^code: a reason code is 1–32 lowercase letters/);
    // A rule whose own examples fail is refused: it would misfire in every agent's draft.
    const misfiring = { ...noWorries, id: 'en.misfire', examples: { flag: ['[[No worries]] at all.'], pass: ['no worries here'] } };
    const rules = await cli(['import', 'coach-rules', file('bad-rules.jsonl', [misfiring, { ...noWorries, id: 'fr.pas-de-souci' }])], 'lead1');
    expect(JSON.parse(rules.stdout)).toEqual({
      published: 0,
      unchanged: 0,
      rejected: [
        { line: 1, reason: 'examples.pass: "no worries here" is flagged' },
        { line: 2, reason: expect.stringMatching(/^id: must start with one of/) },
      ],
    });
    // The server holds a rule to its examples too, whoever sends it.
    const t = await signIn(lab.servers[1]!.url, 'lead1', password('lead1'));
    const direct = await fetch(`${lab.servers[1]!.url}/v1/knowledge/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessToken}` },
      body: JSON.stringify({ kind: 'coachRule', records: [misfiring] }),
    });
    expect(await direct.json()).toMatchObject({ published: 0, rejected: [{ index: 0, reason: 'examples.pass: "no worries here" is flagged' }] });
    expect(await feedSeq()).toBe(before);
    expect(settings().notReadyReasons).toEqual(['system-down', 'meal']);
  }, 30_000);

  it('an agent is refused (403) and nothing is published', async () => {
    const before = await feedSeq();
    const r = await cli(['import', 'reasons', file('agent-reasons.jsonl', [{ code: 'nap' }])], '1001');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Only a team lead or an admin publishes knowledge.');
    const retire = await cli(['retire', 'reasons', 'meal'], '1001');
    expect(retire.code).toBe(1);
    expect(await feedSeq()).toBe(before);
    expect((await db.query("SELECT count(*)::int AS n FROM published_items WHERE id = 'nap'")).rows[0].n).toBe(0);
  }, 30_000);

  it('codes used offline and retired on the server meanwhile keep the records made with them valid and readable', async () => {
    const a = agent();
    a.setNotReady('system-down');
    await desk.sync!.stop();
    // Offline: a call ends with a disposition the team still had when the desktop last pulled.
    desk.cache.contacts.recordCall({
      externalId: 'call-offline-1', customerId: null, startedAt: Date.now(), direction: 'inbound', number: '+8613800138000', queue: 'billing',
      ivrPath: null, durationS: 61, holdS: 0, disposition: 'refund-issued', agent: '1001', transferTarget: null, workOrderId: null,
    });
    const retired = await cli(['retire', 'dispositions', 'refund-issued'], 'lead1');
    expect(JSON.parse(retired.stdout)).toEqual({ retired: 1, rejected: [] });
    expect(JSON.parse((await cli(['retire', 'reasons', 'system-down'], 'lead1')).stdout)).toEqual({ retired: 1, rejected: [] });

    desk.connect(lab.servers[1]!.url);
    await desk.until((s) => s.state === 'synced' && s.waiting === 0);
    await desk.untilKnowledge(() => (settings().dispositions.length === 1 && settings().notReadyReasons.length === 1 ? true : null), () => `lists ${JSON.stringify(settings())}`);
    expect(settings()).toMatchObject({ notReadyReasons: ['meal'], dispositions: ['escalated'] });
    // The call record reached the server with its code; the desktop still has the team's words for both codes.
    expect((await db.query('SELECT disposition FROM contacts WHERE disposition IS NOT NULL')).rows).toEqual([{ disposition: 'refund-issued' }]);
    expect(desk.cache.db.prepare("SELECT disposition FROM contacts WHERE external_id = 'call-offline-1'").get()).toEqual({ disposition: 'refund-issued' });
    expect(settings().labels?.reasons['system-down']?.en).toBe('System down');
    // The agent on a break with the retired reason stays on it; she cannot choose it again.
    expect(a.state).toMatchObject({ state: 'not-ready', reasonCode: 'system-down' });
    expect(() => a.setNotReady('system-down')).toThrow(/not one of the Not Ready reasons/);
  }, 60_000);
});

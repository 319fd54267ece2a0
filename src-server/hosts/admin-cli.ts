import { readFileSync } from 'node:fs';
import pg from 'pg';
import { z } from 'zod';
import { Role, UserName } from '../../src-shared/sync/contract';
import { migrate } from '../db/migrate';
import { UsersRepo } from '../db/repos/users-repo';
import { hashPassword } from '../services/auth/passwords';
import { ReportTargetsUpdate } from '../../src-shared/reports/report-contract';
import { seedHistory } from '../services/reports/history-seeder';
import { setTeamTargets } from '../services/reports/reports-service';

const USAGE = `agent-desktop-server admin — teams and people on the team server

  create-team NAME
  create-user USERNAME --role agent|specialist|lead|admin [--team NAME] [--name "Display name"] [--queue Q ...]
  reset-password USERNAME    also ends every session and live channel of hers
  disable-user USERNAME      she can no longer sign in; every session and live channel of hers ends now
  import-people FILE.jsonl   one person a line: {"username","role","team","name"?,"queues"?}; teams are created;
                             everyone gets the one initial password read from standard input
  set-time-zone TEAM ZONE    the site's IANA time zone (e.g. Asia/Bangkok) in which the team's reports count days
  set-target TEAM METRIC VALUE|none   a report target of the team (e.g. fcrRate 0.8); none removes it
  seed-history --team NAME [--team ...] --calls N --work-orders N [--days 365] [--end YYYY-MM-DD]
                             a period of synthetic history for the reports (benchmarks, demos; never production)


The password is read from standard input (one line), never from the command line.
The database is AGENT_SERVER_DATABASE_URL (postgres://...; a password comes from PGPASSWORD).`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').split('\n')[0]!.trim();
  if (password.length < 8) fail('The password must be at least 8 characters (read from standard input).');
  return password;
}

function option(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === name && args[i + 1] !== undefined) values.push(args[++i]!);
  return values;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const url = process.env.AGENT_SERVER_DATABASE_URL;
  if (!command || command === '--help') fail(USAGE, command ? 0 : 2);
  if (!url) fail('Set AGENT_SERVER_DATABASE_URL to the team server database (postgres://...).');
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await migrate(pool);
    const users = new UsersRepo(pool);
    if (command === 'create-team') {
      const name = args[0] ?? fail('create-team needs a team name.');
      process.stdout.write(JSON.stringify({ team: name, id: await users.createTeam(name) }) + '\n');
    } else if (command === 'create-user') {
      const username = UserName.safeParse(args[0]);
      if (!username.success) fail(`create-user needs a user name: ${username.error.issues[0]?.message}`);
      const role = Role.safeParse(option(args, '--role')[0]);
      if (!role.success) fail('--role must be agent, specialist, lead or admin.');
      const teamName = option(args, '--team')[0];
      const teamId = teamName ? await users.teamId(teamName) : null;
      if (teamName && teamId === null) fail(`There is no team ${teamName}: create it first with create-team.`);
      if (role.data !== 'admin' && teamId === null) fail('Everyone but an admin belongs to a team: add --team NAME.');
      const passwordHash = await hashPassword(await readPassword());
      const id = await users.create({ username: username.data, displayName: option(args, '--name')[0] ?? username.data, role: role.data, teamId, passwordHash, queues: option(args, '--queue') });
      process.stdout.write(JSON.stringify({ user: username.data, id }) + '\n');
    } else if (command === 'import-people') {
      const file = args[0] ?? fail('import-people needs a JSONL file.');
      const Person = z.object({ username: UserName, role: Role, team: z.string().min(1).max(100).nullable().default(null), name: z.string().max(100).optional(), queues: z.array(z.string().min(1).max(64)).max(20).default([]) });
      const lines = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
      // One initial password for the batch, hashed once.
      const passwordHash = await hashPassword(await readPassword());
      const teams = new Map<string, number>();
      let imported = 0;
      const rejected: { line: number; reason: string }[] = [];
      for (const [i, line] of lines.entries()) {
        let person: z.infer<typeof Person>;
        try {
          person = Person.parse(JSON.parse(line));
        } catch (err) {
          rejected.push({ line: i + 1, reason: err instanceof z.ZodError ? err.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') : (err as Error).message });
          continue;
        }
        if (person.role !== 'admin' && !person.team) {
          rejected.push({ line: i + 1, reason: 'everyone but an admin belongs to a team' });
          continue;
        }
        const teamId = person.team ? (teams.get(person.team) ?? (await users.createTeam(person.team))) : null;
        if (person.team && teamId !== null) teams.set(person.team, teamId);
        try {
          await users.create({ username: person.username, displayName: person.name ?? person.username, role: person.role, teamId, passwordHash, queues: person.queues });
          imported++;
        } catch (err) {
          rejected.push({ line: i + 1, reason: (err as Error).message });
        }
      }
      process.stdout.write(JSON.stringify({ imported, rejected }) + '\n');
    } else if (command === 'reset-password') {
      const username = args[0] ?? fail('reset-password needs a user name.');
      const ok = await users.setPassword(username, await hashPassword(await readPassword()));
      if (!ok) fail(`There is no user ${username}.`, 1);
      process.stdout.write(JSON.stringify({ user: username, passwordReset: true, sessionsRevoked: true }) + '\n');
    } else if (command === 'disable-user') {
      const username = args[0] ?? fail('disable-user needs a user name.');
      if (!(await users.disable(username))) fail(`There is no user ${username}.`, 1);
      process.stdout.write(JSON.stringify({ user: username, disabled: true, sessionsRevoked: true }) + '\n');
    } else if (command === 'set-time-zone') {
      const [team, zone] = args;
      if (!team || !zone) fail('set-time-zone needs a team and an IANA time zone, e.g. set-time-zone north Asia/Bangkok.');
      const known = await pool.query('SELECT 1 FROM pg_timezone_names WHERE name = $1', [zone]);
      if (!known.rowCount) fail(`${zone} is not an IANA time zone PostgreSQL knows (e.g. Asia/Shanghai, Asia/Bangkok).`);
      // The call rollups count days in the team's zone: they are made again in the same transaction.
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const r = await client.query<{ id: number }>('UPDATE teams SET time_zone = $2 WHERE name = $1 RETURNING id', [team, zone]);
        if (r.rows[0]) await client.query('SELECT report_rollups_rebuild($1)', [r.rows[0].id]);
        await client.query('COMMIT');
        if (!r.rowCount) fail(`There is no team ${team}.`, 1);
      } finally {
        client.release();
      }
      process.stdout.write(JSON.stringify({ team, timeZone: zone }) + '\n');
    } else if (command === 'set-target') {
      const [team, metric, value] = args;
      const teamId = team ? await users.teamId(team) : null;
      if (teamId === null) fail(`There is no team ${team ?? ''}: set-target TEAM METRIC VALUE|none.`, 1);
      const update = ReportTargetsUpdate.safeParse({ targets: { [metric ?? '']: value === 'none' ? null : Number(value) } });
      if (!update.success) fail(`set-target: ${update.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      await setTeamTargets(pool, teamId, update.data, null);
      process.stdout.write(JSON.stringify({ team, targets: update.data.targets }) + '\n');
    } else if (command === 'seed-history') {
      const count = (name: string, fallback?: number) => {
        const raw = option(args, name)[0];
        const n = raw === undefined ? fallback : Number(raw);
        if (n === undefined || !Number.isInteger(n) || n < 0) fail(`seed-history needs ${name} N (a whole number).`);
        return n;
      };
      const teams = option(args, '--team');
      if (!teams.length) fail('seed-history needs --team NAME (one or more).');
      const end = option(args, '--end')[0];
      if (end !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(end)) fail('--end is a day, YYYY-MM-DD.');
      const days = count('--days', 365);
      if (days < 1 || days > 3660) fail('--days is 1–3660.');
      process.stdout.write(JSON.stringify(await seedHistory(pool, { teams, calls: count('--calls'), workOrders: count('--work-orders'), days, end })) + '\n');
    } else {
      fail(`Unknown command ${command}.\n\n${USAGE}`);
    }
  } finally {
    await pool.end();
  }
}

main().catch((err: Error) => fail(`admin: ${err.message}`, 1));

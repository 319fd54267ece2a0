import pg from 'pg';
import { Role, UserName } from '../../src-shared/sync/contract';
import { migrate } from '../db/migrate';
import { UsersRepo } from '../db/repos/users-repo';
import { hashPassword } from '../services/auth/passwords';

const USAGE = `agent-desktop-server admin — teams and people on the team server

  create-team NAME
  create-user USERNAME --role agent|specialist|lead|admin [--team NAME] [--name "Display name"] [--queue Q ...]
  reset-password USERNAME

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
    } else if (command === 'reset-password') {
      const username = args[0] ?? fail('reset-password needs a user name.');
      const ok = await users.setPassword(username, await hashPassword(await readPassword()));
      if (!ok) fail(`There is no user ${username}.`, 1);
      process.stdout.write(JSON.stringify({ user: username, passwordReset: true, sessionsRevoked: true }) + '\n');
    } else {
      fail(`Unknown command ${command}.\n\n${USAGE}`);
    }
  } finally {
    await pool.end();
  }
}

main().catch((err: Error) => fail(`admin: ${err.message}`, 1));

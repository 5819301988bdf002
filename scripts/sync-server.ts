/**
 * `npm run sync-server -- --port N --data-dir D [--admin NAME:PASS] [--host H] [--tls-cert F --tls-key F]`
 * starts a CouchDB-compatible team sync server (scripts/sync-server-app.ts).
 *
 * `npm run sync-server -- create-project --server URL --admin NAME:PASS --project P` and
 * `npm run sync-server -- add-user --server URL --admin NAME:PASS --project P --user NAME:PASS --role read|read-write`
 * set a project up on it, or on any CouchDB 3.x (scripts/sync-server-admin.ts).
 */
import { parseArgs } from 'node:util';
import { MAX_PROJECT_NAME_LENGTH, PROJECT_NAME_PATTERN } from '../src/shared/sync/server-url';
import { addUser, createProject, type AdminCredentials } from './sync-server-admin';
import { startSyncServer } from './sync-server-app';

class UsageError extends Error {}

function namePassword(option: string, value: string | undefined): AdminCredentials {
  const at = value?.indexOf(':') ?? -1;
  if (value === undefined || at <= 0 || at === value.length - 1) {
    throw new UsageError(`${option} must be NAME:PASSWORD`);
  }
  return { name: value.slice(0, at), password: value.slice(at + 1) };
}

function required(option: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`${option} is required`);
  return value;
}

function projectName(value: string | undefined): string {
  const project = required('--project', value);
  if (project.length > MAX_PROJECT_NAME_LENGTH || !PROJECT_NAME_PATTERN.test(project)) {
    throw new UsageError(
      '--project must start with a lowercase letter and use only lowercase letters, digits and _ $ ( ) + -',
    );
  }
  return project;
}

const OPTIONS = {
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  admin: { type: 'string' },
  host: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  server: { type: 'string' },
  project: { type: 'string' },
  user: { type: 'string' },
  role: { type: 'string' },
} as const;

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  const command = positionals[0] ?? 'start';
  if (command === 'create-project' || command === 'add-user') {
    const server = required('--server', values.server);
    const admin = namePassword('--admin', values.admin);
    const project = projectName(values.project);
    await createProject(server, admin, project);
    if (command === 'create-project') {
      console.log(`Project "${project}" is ready on ${server}.`);
      return;
    }
    const user = namePassword('--user', values.user);
    const role = values.role ?? 'read-write';
    if (role !== 'read' && role !== 'read-write') throw new UsageError('--role must be read or read-write');
    await addUser(server, admin, { project, name: user.name, password: user.password, role });
    console.log(`"${user.name}" may ${role === 'read' ? 'read' : 'read and write'} project "${project}".`);
    return;
  }
  if (command !== 'start') throw new UsageError(`Unknown command "${command}"`);
  const port = Number(required('--port', values.port));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  }
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined)) {
    throw new UsageError('--tls-cert and --tls-key go together');
  }
  const server = await startSyncServer({
    port,
    dataDir: required('--data-dir', values['data-dir']),
    ...(values.host ? { host: values.host } : {}),
    ...(values.admin ? { admin: namePassword('--admin', values.admin) } : {}),
    ...(values['tls-cert'] && values['tls-key']
      ? { tls: { certFile: values['tls-cert'], keyFile: values['tls-key'] } }
      : {}),
  });
  console.log(`Atmintis sync server is listening on ${server.url}/`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});

/**
 * A team's sync server: express-pouchdb (a CouchDB-compatible HTTP API, with `_users`, `_session`,
 * `_security` and `validate_doc_update`) over PouchDB's LevelDB adapter, every database a folder under
 * the data directory. Used by `npm run sync-server` and by the tests, which start it on an ephemeral
 * port in a temporary folder.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { keepReplicatedHistories } from './sync-server-revisions';

const require = createRequire(import.meta.url);

interface PouchConstructor {
  defaults(options: { prefix: string }): PouchConstructor;
}
interface CouchConfig {
  get(section: string, key: string): unknown;
  set(section: string, key: string, value: string, callback: (error: Error | null) => void): void;
}
type ExpressPouchApp = ((request: unknown, response: unknown) => void) & {
  couchConfig: CouchConfig;
  dbWrapper: Parameters<typeof keepReplicatedHistories>[0]['dbWrapper'];
};
type ExpressPouchDb = (pouch: PouchConstructor, options: Record<string, unknown>) => ExpressPouchApp;

export interface SyncServerOptions {
  port: number;
  dataDir: string;
  /** Default 127.0.0.1. A server other machines reach must use TLS: Atmintis refuses plain HTTP to them. */
  host?: string;
  /** Creates (or resets the password of) this server administrator. */
  admin?: { name: string; password: string };
  /** PEM files: serve HTTPS instead of HTTP. */
  tls?: { certFile: string; keyFile: string };
}

export interface RunningSyncServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export class SyncServerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncServerError';
  }
}

function setConfig(config: CouchConfig, section: string, key: string, value: string): Promise<void> {
  return new Promise((resolvePromise, reject) =>
    config.set(section, key, value, (error) => (error ? reject(error) : resolvePromise())),
  );
}

/** express-pouchdb hashes admin passwords when it saves its config; nothing is kept in clear. */
async function hasAdmin(configPath: string): Promise<boolean> {
  try {
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { admins?: Record<string, unknown> };
    return Object.keys(config.admins ?? {}).length > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new SyncServerError(`${configPath} cannot be read: ${(error as Error).message}`);
  }
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const configPath = join(dataDir, 'config.json');
  // Without an administrator a CouchDB is an "admin party": anyone may do anything. Never start so.
  if (!options.admin && !(await hasAdmin(configPath))) {
    throw new SyncServerError(
      `No administrator is set up in ${dataDir}: start it once with --admin NAME:PASSWORD.`,
    );
  }
  const PouchDB = (require('pouchdb-node') as PouchConstructor).defaults({ prefix: `${dataDir}/` });
  const expressPouchDb = require('express-pouchdb') as ExpressPouchDb;
  const app = expressPouchDb(PouchDB, {
    mode: 'fullCouchDB',
    configPath,
    logPath: join(dataDir, 'log.txt'),
    // No web admin UI and no server-side replication to arbitrary addresses: a sync target only.
    overrideMode: { exclude: ['routes/fauxton', 'routes/replicate'] },
  });
  keepReplicatedHistories(app);
  if (options.admin) await setConfig(app.couchConfig, 'admins', options.admin.name, options.admin.password);

  const server: Server = options.tls
    ? createHttpsServer(
        { cert: await readFile(options.tls.certFile), key: await readFile(options.tls.keyFile) },
        app,
      )
    : createHttpServer(app);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

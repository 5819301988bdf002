/**
 * A real sync server for tests: the bundled express-pouchdb server on an ephemeral loopback port in a
 * temporary folder, with one project ("family"), a read-write member (ona), a read-only member (jonas)
 * and an account that belongs to another project (petras).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, createProject } from '../../scripts/sync-server-admin';
import { startSyncServer } from '../../scripts/sync-server-app';

export const TEST_ADMIN = { name: 'admin', password: 'admin-secret' };
export const TEST_PROJECT = 'family';
export const WRITER = { name: 'ona', password: 'ona-secret' };
export const READER = { name: 'jonas', password: 'jonas-secret' };
export const OUTSIDER = { name: 'petras', password: 'petras-secret' };

export interface TestSyncServer {
  url: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestSyncServer(): Promise<TestSyncServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'atmintis-sync-server-'));
  const server = await startSyncServer({ port: 0, dataDir, admin: TEST_ADMIN });
  await createProject(server.url, TEST_ADMIN, TEST_PROJECT);
  await createProject(server.url, TEST_ADMIN, 'other');
  await addUser(server.url, TEST_ADMIN, { project: TEST_PROJECT, ...WRITER, role: 'read-write' });
  await addUser(server.url, TEST_ADMIN, { project: TEST_PROJECT, ...READER, role: 'read' });
  await addUser(server.url, TEST_ADMIN, { project: 'other', ...OUTSIDER, role: 'read-write' });
  return {
    url: server.url,
    port: server.port,
    dataDir,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
